package io.github.harborupload.docker.config;

import static io.github.harborupload.docker.config.ConfigFiles.names;
import static io.github.harborupload.docker.config.ConfigFiles.tree;
import static io.github.harborupload.docker.config.ConfigFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's choice of store, with the tests' own helpers on a PATH of their own. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the test helpers are bash scripts")
class RegistryCredentialsTest {

    private static final String HARBOR = "gpu-harbor.act.buaa.edu.cn";
    private static final String SECRET = "Pa55-w0rd-secret";
    private static final Credential ALICE = new Credential("alice", SECRET);

    @TempDir
    Path temp;

    private Path bin;
    private Path helperStore;
    private DockerConfigFolder folder;

    @BeforeEach
    void setUp() {
        bin = temp.resolve("bin");
        helperStore = temp.resolve("helper-store");
        folder = new DockerConfigFolder(temp.resolve("docker"));
        HelperScripts.install(bin, "testhelper", "failing");
    }

    private RegistryCredentials credentials(String osName) {
        return new RegistryCredentials(folder, HelperScripts.environment(bin, helperStore), osName, Duration.ofSeconds(10));
    }

    private RegistryCredentials credentials() {
        return credentials("Linux");
    }

    private void config(String json) {
        write(folder.configFile(), json);
    }

    private CredentialHelper testHelper() {
        return new CredentialHelper("testhelper", HelperScripts.environment(bin, helperStore), "Linux", Duration.ofSeconds(10));
    }

    @Test
    void withoutHelpersTheLoginGoesIntoAuthsAsBase64() {
        RegistryCredentials credentials = credentials();

        CredentialStore store = credentials.store("https://" + HARBOR + "/", ALICE);

        assertEquals(CredentialStore.file(folder.configFile()), store);
        String auth = tree(folder.configFile()).path("auths").path(HARBOR).path("auth").asText();
        assertEquals("alice:" + SECRET, new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8));
        assertEquals(Optional.of(ALICE), credentials.find(HARBOR));
        assertEquals(Optional.empty(), credentials.find("other.example"));
    }

    @Test
    void credHelpersWinOverCredsStore() {
        // docker-credential-absent is not installed: using it would throw.
        config("{\"credsStore\": \"absent\", \"credHelpers\": {\"" + HARBOR + "\": \"testhelper\"}}");
        RegistryCredentials credentials = credentials();

        CredentialStore store = credentials.store(HARBOR, ALICE);

        assertEquals(CredentialStore.helper("testhelper", folder.configFile()), store);
        assertEquals(Optional.of(ALICE), credentials.find("https://" + HARBOR));
        assertEquals(Optional.of(ALICE), testHelper().get(HARBOR));
        assertEquals(CredentialStore.helper("absent", folder.configFile()), credentials.storeFor("other.example"));
        CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> credentials.find("other.example"));
        assertEquals(CredentialHelperException.Reason.NOT_INSTALLED, e.reason());
    }

    @Test
    void aHelperLeavesAnEmptyAuthsEntryAndNoSecretInTheFile() throws IOException {
        config("{\"credsStore\": \"testhelper\", \"auths\": {\"" + HARBOR + "\": {\"auth\": \"" + base64("old:" + SECRET) + "\"}},"
                + " \"psFormat\": \"table\"}");
        RegistryCredentials credentials = credentials();

        credentials.store(HARBOR, new Credential("alice", "new-password"));

        JsonNode written = tree(folder.configFile());
        assertEquals(ConfigFiles.JSON.createObjectNode(), written.path("auths").get(HARBOR));
        assertEquals(List.of("credsStore", "auths", "psFormat"), names(written));
        String text = Files.readString(folder.configFile());
        assertFalse(text.contains(base64("old:" + SECRET)) || text.contains("new-password"), text);
        assertEquals(Optional.of(new Credential("alice", "new-password")), credentials.find(HARBOR));
    }

    @Test
    void credsStoreWinsOverAPlainLoginInAuths() {
        config("{\"credsStore\": \"testhelper\", \"auths\": {\"" + HARBOR + "\": {\"auth\": \"" + base64("old:old") + "\"}}}");

        // As in the CLI: with a helper configured, only the helper is asked.
        assertEquals(Optional.empty(), credentials().find(HARBOR));
    }

    @Test
    void anEmptyCredHelpersEntryKeepsThatRegistryInTheFile() {
        config("{\"credsStore\": \"absent\", \"credHelpers\": {\"" + HARBOR + "\": \"\"}}");
        RegistryCredentials credentials = credentials();

        assertEquals(CredentialStore.file(folder.configFile()), credentials.store(HARBOR, ALICE));
        assertEquals(Optional.of(ALICE), credentials.find(HARBOR));
    }

    @Test
    void aLoginStoredInTheHelperUnderAnOlderSpellingIsFoundAndErased() {
        config("{\"credsStore\": \"testhelper\", \"auths\": {\"https://" + HARBOR + "\": {}}}");
        testHelper().store("https://" + HARBOR, ALICE);
        RegistryCredentials credentials = credentials();

        assertEquals(Optional.of(ALICE), credentials.find(HARBOR));

        credentials.erase(HARBOR);

        assertEquals(Map.of(), testHelper().list());
        assertEquals(0, tree(folder.configFile()).path("auths").size());
        assertEquals(Optional.empty(), credentials.find(HARBOR));
    }

    @Test
    void eraseRemovesTheLoginFromTheHelperAndTheFile() {
        config("{\"credsStore\": \"testhelper\"}");
        RegistryCredentials credentials = credentials();
        credentials.store(HARBOR, ALICE);
        credentials.store("other.example", new Credential("bob", "pw"));

        credentials.erase(HARBOR);

        assertEquals(Optional.empty(), credentials.find(HARBOR));
        assertEquals(Map.of("other.example", "bob"), testHelper().list());
        assertEquals(List.of("other.example"), names(tree(folder.configFile()).path("auths")));
    }

    @Test
    void eraseRemovesEverySpellingFromAuths() {
        config("{\"auths\": {\"" + HARBOR + "\": {\"auth\": \"" + base64("a:b") + "\"},"
                + " \"https://" + HARBOR + "/v1/\": {\"auth\": \"" + base64("c:d") + "\"}, \"keep.example\": {}}}");
        RegistryCredentials credentials = credentials();

        credentials.erase("http://" + HARBOR);

        assertEquals(Optional.empty(), credentials.find(HARBOR));
        assertEquals(List.of("keep.example"), names(tree(folder.configFile()).path("auths")));
    }

    @Test
    void erasingWhatIsNotThereWritesNothing() {
        credentials().erase(HARBOR);

        assertFalse(Files.exists(folder.configFile()));
    }

    @Test
    void aFailingHelperLeavesTheFileUnchangedAndTheSecretOutOfTheMessage() throws IOException {
        config("{\"credsStore\": \"failing\", \"auths\": {}}");
        byte[] before = Files.readAllBytes(folder.configFile());

        CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> credentials().store(HARBOR, ALICE));

        assertEquals(CredentialHelperException.Reason.FAILED, e.reason());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(folder.configFile()));
    }

    @Test
    void anInvalidConfigIsNotOverwritten() throws IOException {
        config("{\"auths\": {\"" + HARBOR + "\": ");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> credentials().store(HARBOR, ALICE));

        assertEquals(ConfigFileException.Reason.INVALID, e.reason());
        assertEquals("{\"auths\": {\"" + HARBOR + "\": ", Files.readString(folder.configFile()));
    }

    // --- the platform's keychain when the file has no login settings (the CLI's DetectDefaultStore) ---

    @Test
    void onLinuxAnInstalledSecretserviceHelperIsUsedAndRemembered() {
        HelperScripts.installAs(bin, "testhelper", "docker-credential-secretservice");
        RegistryCredentials credentials = credentials("Linux");

        CredentialStore store = credentials.store(HARBOR, ALICE);

        assertEquals(CredentialStore.helper("secretservice", folder.configFile()), store);
        assertTrue(store.isKeychain());
        JsonNode written = tree(folder.configFile());
        assertEquals("secretservice", written.path("credsStore").asText());
        assertEquals(ConfigFiles.JSON.createObjectNode(), written.path("auths").get(HARBOR));
        assertEquals(Optional.of(ALICE), credentials.find(HARBOR));
    }

    @Test
    void theKeychainIsNotPickedWhenTheFileAlreadyHasLogins() {
        HelperScripts.installAs(bin, "testhelper", "docker-credential-secretservice");
        config("{\"auths\": {\"other.example\": {}}}");

        assertEquals(CredentialStore.file(folder.configFile()), credentials("Linux").storeFor(HARBOR));
    }

    @Test
    void withThePassProgramOnLinuxOnlyThePassHelperCounts() {
        HelperScripts.installAs(bin, "testhelper", "docker-credential-secretservice");
        HelperScripts.installAs(bin, "failing", "pass");

        assertEquals(CredentialStore.file(folder.configFile()), credentials("Linux").storeFor(HARBOR));

        HelperScripts.installAs(bin, "testhelper", "docker-credential-pass");
        assertEquals(CredentialStore.helper("pass", folder.configFile()), credentials("Linux").storeFor(HARBOR));
    }

    @Test
    void eachPlatformHasItsKeychainHelper() {
        HelperScripts.installAs(bin, "testhelper", "docker-credential-osxkeychain");
        HelperScripts.installAs(bin, "testhelper", "docker-credential-secretservice");

        assertEquals("osxkeychain", credentials("Mac OS X").storeFor(HARBOR).helper());
        assertEquals("secretservice", credentials("Linux").storeFor(HARBOR).helper());
        assertEquals(null, credentials("FreeBSD").storeFor(HARBOR).helper());
    }

    @Test
    void noSecretInTheStoreOrTheFoundCredentialText() {
        RegistryCredentials credentials = credentials();
        CredentialStore store = credentials.store(HARBOR, ALICE);

        assertFalse(store.toString().contains(SECRET), store.toString());
        assertFalse(credentials.find(HARBOR).toString().contains(SECRET));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
