package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each OS's program lookup differs (issue 16), on Linux with fake homes and PATHs. */
class SearchPathTest {

    /** What launchd gives an app started from Finder or the Dock (docker/for-mac#4875). */
    private static final String LAUNCHD_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";

    @TempDir
    Path home;

    @Test
    void onMacADesktopHelperInTheHomeDockerBinIsFoundWithLaunchdsPath() throws Exception {
        // Issue 16, item 1: Docker Desktop installs docker-credential-desktop in ~/.docker/bin (or links
        // it into /usr/local/bin); neither is on launchd's PATH, and "credsStore": "desktop" found nothing.
        HelperScripts.installAs(home.resolve(".docker/bin"), "testhelper", "docker-credential-desktop");
        Map<String, String> finderEnv = Map.of("PATH", LAUNCHD_PATH, "HOME", home.toString(),
                "TESTHELPER_STORE", Files.createDirectories(home.resolve("store")).toString());
        CredentialHelper desktop = new CredentialHelper("desktop", finderEnv, "Mac OS X", Duration.ofSeconds(10));

        desktop.store("harbor.example", new Credential("alice", "pw"));

        assertEquals(Optional.of(new Credential("alice", "pw")), desktop.get("harbor.example"));
        assertTrue(new SearchPath(finderEnv, "Linux").find("docker-credential-desktop").isEmpty(),
                "only macOS looks beyond the PATH");
    }

    @Test
    void onMacTheDockerAndHomebrewFoldersComeAfterThePathAndOnlyOnce() {
        // Issue 16, item 1: the folders Docker Desktop (/usr/local/bin, ~/.docker/bin, the app bundle)
        // and Homebrew (/opt/homebrew/bin on Apple silicon) put helpers in; the user's PATH stays first.
        Map<String, String> env = Map.of("PATH", "/opt/homebrew/bin:" + LAUNCHD_PATH, "HOME", home.toString());

        assertEquals(List.of("/opt/homebrew/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin",
                        home.resolve(".docker/bin").toString(), "/Applications/Docker.app/Contents/Resources/bin"),
                new SearchPath(env, "Mac OS X").folders());
        assertEquals(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"),
                new SearchPath(Map.of("PATH", LAUNCHD_PATH, "HOME", home.toString()), "Linux").folders());
    }

    @Test
    void onWindowsPathextNamesTheExtensionsInOrderAndQuotedEntriesAreFolders() throws Exception {
        // Issue 16, item 9: only ".exe" was tried, and a quoted entry ("C:\Program Files\…") was no folder.
        // Go's exec.LookPath, which docker uses, strips the quotes and tries PATHEXT's extensions in order.
        Path spaced = Files.createDirectories(home.resolve("Program Files/Docker/bin"));
        HelperScripts.installAs(spaced, "testhelper", "docker-credential-corp.cmd");
        HelperScripts.installAs(spaced, "testhelper", "docker-credential-both.bat");
        HelperScripts.installAs(spaced, "testhelper", "docker-credential-both.exe");
        Map<String, String> env = Map.of("Path", home.resolve("nowhere") + ";\"" + spaced + "\"",
                "PATHEXT", ".COM;.EXE;.BAT;.CMD");

        SearchPath windows = new SearchPath(env, "Windows 11");

        assertEquals(Optional.of(spaced.resolve("docker-credential-corp.cmd")), windows.find("docker-credential-corp"));
        assertEquals(Optional.of(spaced.resolve("docker-credential-both.exe")), windows.find("docker-credential-both"),
                ".EXE comes before .BAT in PATHEXT");
        assertEquals(Optional.of(spaced.resolve("docker-credential-both.bat")),
                new SearchPath(Map.of("Path", spaced.toString(), "PATHEXT", ".BAT;.EXE"), "Windows 10").find("docker-credential-both"));
        assertEquals(Optional.of(spaced.resolve("docker-credential-corp.cmd")),
                new SearchPath(Map.of("Path", spaced.toString()), "Windows 10").find("docker-credential-corp"),
                "without PATHEXT, Go's default .com;.exe;.bat;.cmd");
    }
}
