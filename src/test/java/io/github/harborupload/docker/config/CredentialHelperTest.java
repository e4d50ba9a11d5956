package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.config.CredentialHelperException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The helper protocol against real processes: the tests' own bash helpers. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the test helpers are bash scripts")
class CredentialHelperTest {

    private static final String SECRET = "s3cr3t-\"quoted\"-\\-密码";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Path bin;
    private Path store;
    private Map<String, String> env;

    @BeforeEach
    void installHelpers() {
        bin = temp.resolve("bin");
        store = temp.resolve("store");
        HelperScripts.install(bin, "testhelper", "failing", "echoing", "garbage", "hanging");
        env = HelperScripts.environment(bin, store);
    }

    private CredentialHelper helper(String name) {
        return new CredentialHelper(name, env, "Linux", TIMEOUT);
    }

    @Test
    void storeGetListEraseRoundTrip() {
        CredentialHelper helper = helper("testhelper");
        Credential alice = new Credential("alice", SECRET);

        helper.store("harbor.example", alice);
        helper.store("other.example:5000", new Credential("bob", "pw"));

        assertEquals(Optional.of(alice), helper.get("harbor.example"));
        assertEquals(Map.of("harbor.example", "alice", "other.example:5000", "bob"), helper.list());

        helper.erase("harbor.example");

        assertEquals(Optional.empty(), helper.get("harbor.example"));
        assertEquals(Map.of("other.example:5000", "bob"), helper.list());
    }

    @Test
    void storingAgainReplacesTheLogin() {
        CredentialHelper helper = helper("testhelper");

        helper.store("harbor.example", new Credential("alice", "old"));
        helper.store("harbor.example", new Credential("alice", "new"));

        assertEquals(Optional.of(new Credential("alice", "new")), helper.get("harbor.example"));
    }

    @Test
    void notFoundIsEmptyAndErasingNothingIsNoError() {
        CredentialHelper helper = helper("testhelper");

        assertEquals(Optional.empty(), helper.get("nothing.example"));
        helper.erase("nothing.example");
        assertEquals(Map.of(), helper.list());
    }

    @Test
    void anIdentityTokenKeepsTheTokenUserName() {
        CredentialHelper helper = helper("testhelper");

        helper.store("harbor.example", new Credential(CredentialHelper.IDENTITY_TOKEN_USERNAME, "tok-3"));

        assertEquals(Optional.of(new Credential("<token>", "tok-3")), helper.get("harbor.example"));
    }

    @Test
    void aHelperThatFailsSaysSoWithItsOutput() {
        CredentialHelper helper = helper("failing");

        CredentialHelperException e = assertThrows(CredentialHelperException.class,
                () -> helper.store("harbor.example", new Credential("alice", SECRET)));

        assertEquals(Reason.FAILED, e.reason());
        assertEquals("docker-credential-failing", e.program());
        assertEquals("docker-credential-failing store failed with exit code 3: error: the keychain is locked", e.getMessage());
        assertEquals(Reason.FAILED, assertThrows(CredentialHelperException.class, () -> helper.get("harbor.example")).reason());
    }

    @Test
    void aHelperThatEchoesTheSecretHasItsOutputWithheld() {
        CredentialHelper helper = helper("echoing");

        CredentialHelperException e = assertThrows(CredentialHelperException.class,
                () -> helper.store("harbor.example", new Credential("alice", SECRET)));

        assertEquals(Reason.FAILED, e.reason());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().contains("not shown because it contains the secret"), e.getMessage());
    }

    @Test
    void outputThatIsNotTheProtocolsJsonIsBadOutputAndNotQuoted() {
        CredentialHelper helper = helper("garbage");

        CredentialHelperException get = assertThrows(CredentialHelperException.class, () -> helper.get("harbor.example"));
        CredentialHelperException list = assertThrows(CredentialHelperException.class, helper::list);

        assertEquals(Reason.BAD_OUTPUT, get.reason());
        assertEquals(Reason.BAD_OUTPUT, list.reason());
        assertFalse(get.getMessage().contains("garbage-secret"), get.getMessage());
    }

    @Test
    void aHelperThatHangsIsStoppedWithItsChildren() throws Exception {
        CredentialHelper helper = new CredentialHelper("hanging", env, "Linux", Duration.ofMillis(1500));

        CredentialHelperException e = assertThrows(CredentialHelperException.class,
                () -> helper.store("harbor.example", new Credential("alice", SECRET)));

        assertEquals(Reason.TIMED_OUT, e.reason());
        assertEquals("docker-credential-hanging store did not finish within 1500 ms and was stopped", e.getMessage());
        for (String pidFile : new String[] {"helper.pid", "child.pid"}) {
            long pid = Long.parseLong(Files.readString(store.resolve(pidFile)));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                // Not a measurement: a bound, so that a process that survived fails the test instead of hanging it.
                process.get().onExit().get(10, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), pidFile + " still runs");
        }
    }

    @Test
    void aHelperNotOnThePathIsNotInstalled() {
        CredentialHelper helper = helper("secretservice");

        assertFalse(helper.isInstalled());
        CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> helper.get("harbor.example"));

        assertEquals(Reason.NOT_INSTALLED, e.reason());
        assertEquals("docker-credential-secretservice is not installed: it is not on the PATH", e.getMessage());
    }

    @Test
    void aFileThatIsNotExecutableIsNotAHelper() throws Exception {
        Files.writeString(bin.resolve("docker-credential-plain"), "#!/bin/bash\necho hi\n");

        assertFalse(helper("plain").isInstalled());
    }

    @Test
    void onWindowsTheProgramEndsInExeAndThePathUsesSemicolons() {
        HelperScripts.installAs(temp.resolve("win-bin"), "testhelper", "docker-credential-wintest.exe");
        Map<String, String> windowsEnv = Map.of(
                "Path", temp.resolve("nowhere") + ";" + temp.resolve("win-bin"),
                "TESTHELPER_STORE", store.toString());
        CredentialHelper helper = new CredentialHelper("wintest", windowsEnv, "Windows 11", TIMEOUT);

        helper.store("harbor.example", new Credential("alice", "pw"));

        assertEquals(Optional.of(new Credential("alice", "pw")), helper.get("harbor.example"));
        assertFalse(new CredentialHelper("wintest", windowsEnv, "Linux", TIMEOUT).isInstalled());
    }

    @Test
    void aRelativePathEntryIsNeverSearchedLikeGoesLookPath() {
        // Issue 13, item 4: with PATH=.:/usr/bin a helper in the current folder (a cloned repository)
        // got the password. Go's exec.LookPath, which docker uses, refuses relative results.
        String relative = Path.of("").toAbsolutePath().relativize(bin).toString();
        Map<String, String> relativeOnly = Map.of("PATH", ".:" + relative, "TESTHELPER_STORE", store.toString());
        CredentialHelper helper = new CredentialHelper("testhelper", relativeOnly, "Linux", TIMEOUT);

        assertTrue(Files.isExecutable(Path.of(relative, "docker-credential-testhelper")), "reachable from here");
        assertFalse(helper.isInstalled());
        assertEquals(Reason.NOT_INSTALLED,
                assertThrows(CredentialHelperException.class, () -> helper.get("harbor.example")).reason());
        assertTrue(new SearchPath(relativeOnly, "Linux").find("docker-credential-testhelper").isEmpty());
    }

    @Test
    void aHelperNameThatIsAPathIsNotRun() throws Exception {
        // Issue 13, item 4: credsStore is a name, [A-Za-z0-9._-]+, never a path out of the PATH's folders.
        Files.createDirectories(bin.resolve("docker-credential-x"));
        HelperScripts.installAs(temp, "testhelper", "outside");
        CredentialHelper helper = helper("x/../../outside");

        assertFalse(helper.isInstalled());
        CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> helper.get("harbor.example"));
        assertEquals(Reason.NOT_INSTALLED, e.reason());
        assertTrue(e.getMessage().contains("is not the name of a credential helper"), e.getMessage());
    }
}
