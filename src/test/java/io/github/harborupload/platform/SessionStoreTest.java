package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Stay signed in": the owner-only file, the keychain tools (through stand-in scripts in
 * src/test/resources/keychain that behave like secret-tool and security), the fallback between
 * them, and which one a computer gets.
 */
class SessionStoreTest {

    private static final URI ACT = URI.create("https://gpu.act.buaa.edu.cn");
    private static final URI LOCAL = URI.create("http://127.0.0.1:8099");
    private static final SessionTokens ALICE = new SessionTokens(ACT, "alice", "access.token.alice", "refresh.token.alice");
    private static final SessionTokens BOB = new SessionTokens(LOCAL, "bob", "access.token.bob", "refresh.token.bob");

    @TempDir
    Path dir;

    @Test
    void theFileKeepsOneSessionPerAddressForItsOwnerOnly() throws Exception {
        FileSessionStore store = new FileSessionStore(dir.resolve("config"));
        store.save(ALICE);
        store.save(BOB);

        assertEquals(Optional.of(ALICE), store.load(ACT));
        assertEquals(Optional.of(BOB), new FileSessionStore(dir.resolve("config")).load(LOCAL), "read back from the file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));

        store.forget(ACT);
        assertEquals(Optional.empty(), store.load(ACT));
        assertEquals(Optional.of(BOB), store.load(LOCAL));
        store.forget(ACT); // nothing to forget: no error
    }

    @Test
    void aKeptSessionRemembersHowItSignedInAndOlderOnesStillLoad() throws Exception {
        // Issue 12: the kept session remembers its method ("auth"); sessions kept before have none.
        FileSessionStore store = new FileSessionStore(dir.resolve("config"));
        SessionTokens normal = new SessionTokens(ACT, "admin", "access.token.admin", "refresh.token.admin", SignInMethod.NORMAL);
        store.save(normal);
        store.save(BOB);

        assertEquals(SignInMethod.NORMAL, new FileSessionStore(dir.resolve("config")).load(ACT).orElseThrow().method());
        assertEquals(null, store.load(LOCAL).orElseThrow().method());
    }

    @Test
    void aSealedFileHoldsNoTokenInClearAndWhatItCannotOpenIsNoSession() throws Exception {
        // Issue 13, item 7: on Windows the file was plain JSON in the roaming %APPDATA%; it is sealed
        // now (DPAPI there, FileSeal.WINDOWS_DPAPI). A stand-in seal shows the store's side here.
        FileSeal marked = new FileSeal() {
            @Override
            public byte[] seal(byte[] plain) {
                return ("SEALED:" + Base64.getEncoder().encodeToString(plain)).getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public Optional<byte[]> open(byte[] sealed) {
                String text = new String(sealed, StandardCharsets.US_ASCII);
                return text.startsWith("SEALED:") ? Optional.of(Base64.getDecoder().decode(text.substring(7))) : Optional.empty();
            }
        };
        FileSessionStore store = new FileSessionStore(dir, marked);
        store.save(ALICE);

        String onDisk = Files.readString(store.file());
        assertTrue(onDisk.startsWith("SEALED:"), onDisk);
        assertFalse(onDisk.contains(ALICE.accessToken()) || onDisk.contains(ALICE.refreshToken()), onDisk);
        assertEquals(Optional.of(ALICE), new FileSessionStore(dir, marked).load(ACT));

        // A plain file of an older version, or one sealed by another user: no session, replaced on save.
        FileSessionStore plain = new FileSessionStore(dir.resolve("plain"));
        plain.save(ALICE);
        Files.copy(plain.file(), store.file(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.empty(), store.load(ACT));
        store.save(BOB);
        assertFalse(Files.readString(store.file()).contains(ALICE.accessToken()), "the plain copy is gone");
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsDpapiSealsTheFile() throws Exception {
        // Runs on Windows only: CryptProtectData exists nowhere else.
        FileSessionStore store = new FileSessionStore(dir, FileSeal.WINDOWS_DPAPI);
        store.save(ALICE);

        assertFalse(new String(Files.readAllBytes(store.file()), StandardCharsets.ISO_8859_1).contains(ALICE.accessToken()));
        assertEquals(Optional.of(ALICE), store.load(ACT));
        assertEquals(Optional.empty(), FileSeal.WINDOWS_DPAPI.open("{}".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aDamagedFileHoldsNoSessionAndIsReplacedOnSave() throws Exception {
        FileSessionStore store = new FileSessionStore(dir);
        Files.writeString(store.file(), "{ not json");
        assertEquals(Optional.empty(), store.load(ACT));

        Files.writeString(store.file(), "{\"https://gpu.act.buaa.edu.cn\": {\"username\": 5}}");
        assertEquals(Optional.empty(), store.load(ACT));

        store.save(ALICE);
        assertEquals(Optional.of(ALICE), store.load(ACT));
    }

    @Test
    void secretToolKeepsTheSessionAndNeverSeesItOnTheCommandLine() throws Exception {
        KeychainSessionStore store = keychain(KeychainSessionStore.Tool.SECRET_TOOL, Map.of());

        store.save(ALICE);
        assertEquals(Optional.of(ALICE), store.load(ACT));
        assertEquals(Optional.empty(), store.load(LOCAL));
        store.forget(ACT);
        assertEquals(Optional.empty(), store.load(ACT));

        String commandLines = Files.readString(dir.resolve("keyring/argv.log"));
        assertTrue(commandLines.contains("store --label=Harbor Upload Wizard: https://gpu.act.buaa.edu.cn service "
                + "harbor-upload-wizard platform https://gpu.act.buaa.edu.cn"), commandLines);
        assertFalse(commandLines.contains(ALICE.accessToken()));
        assertFalse(commandLines.contains(ALICE.refreshToken()));
    }

    @Test
    void aBrokenKeyringIsAFailureThatShowsOnlyItsError() throws Exception {
        KeychainSessionStore store = keychain(KeychainSessionStore.Tool.SECRET_TOOL, Map.of("FAKE_KEYRING_BROKEN", "1"));
        SessionStoreException failed = assertThrows(SessionStoreException.class, () -> store.save(ALICE));
        assertTrue(failed.getMessage().contains("Cannot autolaunch D-Bus"), failed.getMessage());
        assertThrows(SessionStoreException.class, () -> store.load(ACT));
    }

    @Test
    void macSecurityGetsTheSecretOnStandardInput() throws Exception {
        KeychainSessionStore store = keychain(KeychainSessionStore.Tool.MAC_SECURITY, Map.of());

        store.save(ALICE);
        assertEquals(Optional.of(ALICE), store.load(ACT));
        store.forget(ACT);
        assertEquals(Optional.empty(), store.load(ACT), "exit 44: not found");

        String commandLines = Files.readString(dir.resolve("keyring/argv.log"));
        String input = Files.readString(dir.resolve("keyring/stdin.log"));
        assertTrue(input.startsWith("add-generic-password -U -s harbor-upload-wizard -a https://gpu.act.buaa.edu.cn "), input);
        assertFalse(commandLines.contains(" -w "), "the secret is not on the command line: " + commandLines);
        assertTrue(commandLines.contains("find-generic-password -s harbor-upload-wizard -a https://gpu.act.buaa.edu.cn -w"));
    }

    @Test
    void macSecurityKeepsASessionLongerThanOneOfItsLinesWhole() throws Exception {
        // Issue 16, item 6: security -i reads each line into 4096 bytes (security.c); a session of two
        // large JWTs went on one line, was stored cut off, and its rest ran as a second command. The
        // stand-in cuts lines as security does.
        KeychainSessionStore store = keychain(KeychainSessionStore.Tool.MAC_SECURITY, Map.of());
        SessionTokens large = new SessionTokens(ACT, "alice", "a".repeat(2500), "r".repeat(2500));
        SessionTokens small = new SessionTokens(ACT, "alice", "access.small", "refresh.small");

        store.save(large);
        assertEquals(Optional.of(large), store.load(ACT));
        assertTrue(Files.readString(dir.resolve("keyring/stdin.log")).lines()
                .allMatch(line -> line.length() <= MacKeychainParts.LINE_LIMIT), "every line fits");
        assertFalse(Files.readString(dir.resolve("keyring/argv.log")).contains("rrrr"), "no part on the command line");

        store.save(small);
        assertEquals(Optional.of(small), store.load(ACT), "the longer session's other parts are gone");
        store.forget(ACT);
        assertEquals(Optional.empty(), store.load(ACT));
        assertEquals(0, keychainItems(), "no part left behind");
    }

    @Test
    void aCutOffKeychainItemIsNoSessionAndIsRemoved() throws Exception {
        // Issue 16, item 6: what an older version left: the first 4095 bytes of one long line.
        KeychainSessionStore store = keychain(KeychainSessionStore.Tool.MAC_SECURITY, Map.of());
        Path bin = dir.resolve("bin").resolve("security");
        ProcessBuilder olderVersion = new ProcessBuilder(bin.toString(), "-i").redirectErrorStream(true);
        olderVersion.environment().put("FAKE_KEYRING", dir.resolve("keyring").toString());
        Process cutOff = olderVersion.start();
        cutOff.getOutputStream().write(("add-generic-password -U -s harbor-upload-wizard -a " + ACT
                + " -w " + "QUJD".repeat(1100) + "\n").getBytes(StandardCharsets.US_ASCII));
        cutOff.getOutputStream().close();
        cutOff.getInputStream().readAllBytes();
        cutOff.waitFor();
        assertEquals(1, keychainItems(), "the stand-in stored the cut item");

        assertEquals(Optional.empty(), store.load(ACT));
        assertEquals(0, keychainItems(), "the bad item is removed");
    }

    /** How many items the stand-in security keeps. */
    private long keychainItems() throws IOException {
        try (Stream<Path> items = Files.list(dir.resolve("keyring/items"))) {
            return items.count();
        }
    }

    @Test
    void whenTheKeychainFailsTheFileKeepsTheSession() throws Exception {
        Map<String, String> env = new HashMap<>(keyringEnvironment(KeychainSessionStore.Tool.SECRET_TOOL));
        env.put("FAKE_KEYRING_BROKEN", "1");
        FileSessionStore file = new FileSessionStore(dir.resolve("config"));
        SessionStore store = SessionStores.forComputer(dir.resolve("config"), env, "Linux");

        store.save(ALICE);
        assertEquals(Optional.of(ALICE), file.load(ACT));
        assertEquals(Optional.of(ALICE), store.load(ACT));
    }

    @Test
    void aKeychainThatCannotBeReachedFailsTheSignOutInsteadOfCallingItDone() throws Exception {
        // Issue 13, item 3: without D-Bus, "platform logout" said "Signed out" while the keyring kept
        // the tokens, and the next desktop start resumed the session.
        Map<String, String> working = keyringEnvironment(KeychainSessionStore.Tool.SECRET_TOOL);
        Map<String, String> noDbus = new HashMap<>(working);
        noDbus.put("FAKE_KEYRING_BROKEN", "1");
        SessionStores.forComputer(dir.resolve("config"), working, "Linux").save(ALICE);
        new FileSessionStore(dir.resolve("config")).save(BOB);
        SessionStore overSsh = SessionStores.forComputer(dir.resolve("config"), noDbus, "Linux");

        SessionStoreException forget = assertThrows(SessionStoreException.class, () -> overSsh.forget(ACT));
        assertTrue(forget.getMessage().contains("Cannot autolaunch D-Bus"), forget.getMessage());
        SessionStoreException all = assertThrows(SessionStoreException.class, overSsh::forgetAll);
        assertTrue(all.getMessage().contains("Cannot autolaunch D-Bus"), all.getMessage());

        // Rightly so: the desktop still finds the session; the file's copy went all the same.
        assertEquals(Optional.of(ALICE), SessionStores.forComputer(dir.resolve("config"), working, "Linux").load(ACT));
        assertEquals(Optional.empty(), new FileSessionStore(dir.resolve("config")).load(LOCAL));
    }

    @Test
    void forgetAllForgetsEveryAddressInTheKeychainAndTheFile() throws Exception {
        Map<String, String> env = keyringEnvironment(KeychainSessionStore.Tool.SECRET_TOOL);
        SessionStore store = SessionStores.forComputer(dir.resolve("config"), env, "Linux");
        store.save(ALICE);
        store.save(BOB);
        new FileSessionStore(dir.resolve("config")).save(ALICE);

        store.forgetAll();

        assertEquals(Optional.empty(), store.load(ACT));
        assertEquals(Optional.empty(), store.load(LOCAL));
        assertFalse(Files.exists(new FileSessionStore(dir.resolve("config")).file()));
        store.forgetAll(); // nothing left: no error
    }

    @Test
    void macSecurityDeletesUntilItFindsNoMore() throws Exception {
        keychain(KeychainSessionStore.Tool.MAC_SECURITY, Map.of()).forgetAll();

        assertTrue(Files.readString(dir.resolve("keyring/argv.log")).contains("delete-generic-password -s harbor-upload-wizard"));
    }

    @Test
    void onceTheKeychainWorksTheSessionLeavesTheFile() throws Exception {
        FileSessionStore file = new FileSessionStore(dir.resolve("config"));
        file.save(ALICE);
        SessionStore store = SessionStores.forComputer(dir.resolve("config"),
                keyringEnvironment(KeychainSessionStore.Tool.SECRET_TOOL), "Linux");

        store.save(ALICE);

        assertEquals(Optional.empty(), file.load(ACT));
        assertEquals(Optional.of(ALICE), store.load(ACT));
    }

    @Test
    void eachComputerGetsItsStore() throws Exception {
        Path config = dir.resolve("config");
        Map<String, String> withTools = new HashMap<>(keyringEnvironment(KeychainSessionStore.Tool.SECRET_TOOL));
        install(KeychainSessionStore.Tool.MAC_SECURITY);

        assertInstanceOf(FileSessionStore.class, SessionStores.forComputer(config, withTools, "Windows 11"));
        assertInstanceOf(FileSessionStore.class, SessionStores.forComputer(config, Map.of("PATH", dir.toString()), "Linux"));
        assertInstanceOf(SessionStores.KeychainFirst.class, SessionStores.forComputer(config, withTools, "Linux"));
        assertInstanceOf(SessionStores.KeychainFirst.class, SessionStores.forComputer(config, withTools, "Mac OS X"));
        // Issue 13, item 4: a secret-tool found through a relative PATH entry (the current folder) is not used.
        String relative = Path.of("").toAbsolutePath().relativize(dir.resolve("bin")).toString();
        assertInstanceOf(FileSessionStore.class, SessionStores.forComputer(config, Map.of("PATH", relative), "Linux"));
    }

    private KeychainSessionStore keychain(KeychainSessionStore.Tool tool, Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(keyringEnvironment(tool));
        env.putAll(extra);
        return new KeychainSessionStore(tool, dir.resolve("bin").resolve(tool.program()), env, Duration.ofSeconds(10));
    }

    private Map<String, String> keyringEnvironment(KeychainSessionStore.Tool tool) throws IOException {
        install(tool);
        Files.createDirectories(dir.resolve("keyring"));
        return Map.of("PATH", dir.resolve("bin").toString(), "FAKE_KEYRING", dir.resolve("keyring").toString());
    }

    private void install(KeychainSessionStore.Tool tool) throws IOException {
        Path program = dir.resolve("bin").resolve(tool.program());
        if (Files.exists(program)) {
            return;
        }
        Files.createDirectories(program.getParent());
        try (InputStream script = SessionStoreTest.class.getResourceAsStream("/keychain/" + tool.program())) {
            Files.copy(script, program);
        }
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    }
}
