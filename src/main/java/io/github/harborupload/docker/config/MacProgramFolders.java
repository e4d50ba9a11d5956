package io.github.harborupload.docker.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where macOS keeps the programs a shell would find but a GUI app does not. launchd starts an app
 * from Finder or the Dock with {@code PATH=/usr/bin:/bin:/usr/sbin:/sbin} (docker/for-mac#4875), so
 * Docker Desktop's {@code docker-credential-desktop} and {@code -osxkeychain} and Homebrew's helpers
 * are not on it; with {@code "credsStore": "desktop"} no stored login would be found (issue 16,
 * item 1). These folders are searched after the PATH.
 */
final class MacProgramFolders {

    /** Docker Desktop links its tools here (when allowed to) and Intel Homebrew installs here. */
    static final String USR_LOCAL_BIN = "/usr/local/bin";
    static final String DOCKER_APP_BIN = "/Applications/Docker.app/Contents/Resources/bin";
    /** Homebrew on Apple silicon. */
    static final String HOMEBREW_BIN = "/opt/homebrew/bin";

    private MacProgramFolders() {
    }

    /** The folders in search order; {@code ~/.docker/bin} (Docker Desktop's "user" install) when HOME is known. */
    static List<String> of(Map<String, String> env) {
        List<String> folders = new ArrayList<>(List.of(USR_LOCAL_BIN));
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            folders.add(Path.of(home, ".docker", "bin").toString());
        }
        folders.add(DOCKER_APP_BIN);
        folders.add(HOMEBREW_BIN);
        return folders;
    }
}
