package io.github.harborupload.docker.config;

import static io.github.harborupload.docker.config.ConfigFiles.filesIn;
import static io.github.harborupload.docker.config.ConfigFiles.names;
import static io.github.harborupload.docker.config.ConfigFiles.resource;
import static io.github.harborupload.docker.config.ConfigFiles.tree;
import static io.github.harborupload.docker.config.ConfigFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.config.ConfigFileException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerConfigFileTest {

    private static final String SECRET = "hunter2-Secret-42";

    @TempDir
    Path folder;

    private Path configFile() {
        return folder.resolve("config.json");
    }

    // --- reading ---------------------------------------------------------------------------------

    @Test
    void aMissingFileIsAnEmptyConfiguration() {
        DockerConfigFile config = DockerConfigFile.read(folder.resolve("nowhere/config.json"));

        assertEquals(Optional.empty(), config.credential("harbor.example"));
        assertEquals(Optional.empty(), config.currentContext());
        assertEquals(Optional.empty(), config.credsStore());
        assertFalse(config.containsAuth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n\t ", "null"})
    void anEmptyFileIsAnEmptyConfiguration(String content) {
        DockerConfigFile config = DockerConfigFile.read(write(configFile(), content));

        assertFalse(config.containsAuth());
        assertEquals(Optional.empty(), config.credential("harbor.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"auths\": {\"harbor.example\": {\"auth\": " + SECRET + "}}}",
            "{\"auths\": {}} " + SECRET,
            "{\"auths\": {\"harbor.example\": {\"auth\": \"" + SECRET,
            "{'auths': '" + SECRET + "'}",
    })
    void invalidJsonIsRefusedWithoutQuotingTheFile(String content) {
        write(configFile(), content);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> DockerConfigFile.read(configFile()));

        assertEquals(Reason.INVALID, e.reason());
        assertEquals(configFile(), e.file());
        assertTrue(e.getMessage().contains(configFile().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON (line 1, column "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(null, e.getCause(), "the parser's exception quotes the file");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[\"auths\"]",
            "{\"auths\": [\"harbor.example\"]}",
            "{\"auths\": {\"harbor.example\": \"" + SECRET + "\"}}",
            "{\"credsStore\": 5}",
            "{\"currentContext\": {\"name\": \"remote\"}}",
            "{\"credHelpers\": {\"harbor.example\": true}}",
    })
    void theKnownKeysMustHaveTheCliTypes(String content) {
        write(configFile(), content);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> DockerConfigFile.read(configFile()));

        assertEquals(Reason.INVALID, e.reason());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aFolderInPlaceOfTheFileIsUnreadable() throws IOException {
        Files.createDirectories(configFile());

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> DockerConfigFile.read(configFile()));

        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains(configFile().toString()), e.getMessage());
    }

    @Test
    void readsTheKeysTheProgramUses() {
        DockerConfigFile config = DockerConfigFile.read(write(configFile(), resource("cli-written.json")));

        assertEquals(Optional.of("remote"), config.currentContext());
        assertEquals(Optional.of("gcloud"), config.credentialHelper("https://gcr.io"));
        assertEquals(Optional.empty(), config.credentialHelper("harbor.example"));
        assertEquals(Optional.of(new Credential("hubuser", "hubpass")), config.credential("docker.io"));
        assertEquals(Optional.empty(), config.credential("ghcr.io"), "the {} a helper leaves is no login");
        assertTrue(config.containsAuth());
    }

    @Test
    void legacyUsernameAndPasswordFieldsAreReadWhenThereIsNoAuth() {
        write(configFile(), "{\"auths\": {\"harbor.example\": {\"username\": \"alice\", \"password\": \"" + SECRET + "\"}}}");

        assertEquals(Optional.of(new Credential("alice", SECRET)),
                DockerConfigFile.read(configFile()).credential("harbor.example"));
    }

    @Test
    void anIdentityTokenIsReturnedWithTheTokenUserName() {
        write(configFile(), "{\"auths\": {\"harbor.example\": {\"auth\": \"" + base64("alice:") + "\", \"identitytoken\": \"tok-1\"}}}");

        assertEquals(Optional.of(new Credential("<token>", "tok-1")),
                DockerConfigFile.read(configFile()).credential("harbor.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 " + SECRET, "aHVudGVyMg=="})
    void anAuthThatIsNotBase64OfUserAndPasswordIsInvalid(String auth) {
        write(configFile(), "{\"auths\": {\"harbor.example\": {\"auth\": \"" + auth + "\"}}}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> config.credential("harbor.example"));

        assertEquals(Reason.INVALID, e.reason());
        assertTrue(e.getMessage().contains("harbor.example"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"harbor.example:8443", "https://harbor.example:8443", "https://harbor.example:8443/",
            "http://harbor.example:8443", "harbor.example:8443/v1/", "https://harbor.example:8443/v2/"})
    void everySpellingOfTheRegistryFindsAnOldStyleEntry(String registry) {
        write(configFile(), "{\"auths\": {\"https://harbor.example:8443/v1/\": {\"auth\": \"" + base64("alice:pw") + "\"}}}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        assertEquals(Optional.of(new Credential("alice", "pw")), config.credential(registry));
        assertEquals(Optional.empty(), config.credential("harbor.example"), "another port is another registry");
    }

    @Test
    void theCliKeyWinsOverOlderSpellings() {
        write(configFile(), "{\"auths\": {"
                + "\"https://harbor.example/\": {\"auth\": \"" + base64("old:old") + "\"},"
                + "\"harbor.example\": {\"auth\": \"" + base64("new:new") + "\"}}}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        assertEquals(Optional.of(new Credential("new", "new")), config.credential("https://harbor.example"));
        assertEquals(List.of("harbor.example", "https://harbor.example/"), config.authKeys("harbor.example"));
    }

    // --- changing and writing ----------------------------------------------------------------------

    @Test
    void aStoredLoginIsBase64UserColonPasswordUnderTheHostname() {
        DockerConfigFile config = DockerConfigFile.read(configFile());
        Credential alice = new Credential("alice", "pa:ss \"wörd\" 密码");

        config.putCredential("https://Harbor.example:8443/", alice);
        config.write();

        JsonNode written = tree(configFile());
        String auth = written.path("auths").path("Harbor.example:8443").path("auth").asText();
        assertEquals("alice:pa:ss \"wörd\" 密码", new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8));
        assertEquals(Set.of("auth"), Set.copyOf(names(written.path("auths").path("Harbor.example:8443"))));
        assertEquals(Optional.of(alice), DockerConfigFile.read(configFile()).credential("harbor.example:8443"));
    }

    @Test
    void anIdentityTokenIsStoredAsIdentitytoken() {
        DockerConfigFile config = DockerConfigFile.read(configFile());

        config.putCredential("harbor.example", new Credential("<token>", "tok-2"));
        config.write();

        JsonNode entry = tree(configFile()).path("auths").path("harbor.example");
        assertEquals("tok-2", entry.path("identitytoken").asText());
        assertFalse(entry.has("auth"));
        assertEquals(Optional.of(new Credential("<token>", "tok-2")),
                DockerConfigFile.read(configFile()).credential("harbor.example"));
    }

    @Test
    void aCliWrittenFileComesBackByteForByte() throws IOException {
        byte[] original = resource("cli-written.json");
        write(configFile(), original);

        DockerConfigFile.read(configFile()).write();

        assertArrayEquals(original, Files.readAllBytes(configFile()),
                () -> "written:\n" + new String(readQuietly(configFile()), StandardCharsets.UTF_8));
    }

    @Test
    void keysTheProgramDoesNotKnowSurviveAChangeInTheirOrder() {
        byte[] original = resource("unknown-keys.json");
        write(configFile(), original);
        DockerConfigFile config = DockerConfigFile.read(configFile());

        config.putCredential("gpu-harbor.act.buaa.edu.cn", new Credential("new", "new"));
        config.putCredential("added.example", new Credential("bob", "b"));
        config.write();

        JsonNode before = tree(original);
        JsonNode after = tree(configFile());
        assertEquals(names(before), names(after));
        for (String key : names(before)) {
            if (!key.equals("auths")) {
                assertEquals(before.get(key), after.get(key), key);
            }
        }
        assertEquals(List.of("https://gpu-harbor.act.buaa.edu.cn/", "registry.example:5000", "gpu-harbor.act.buaa.edu.cn",
                "added.example"), names(after.get("auths")));
        assertEquals(before.at("/auths/registry.example:5000"), after.at("/auths/registry.example:5000"));
        assertEquals(before.at("/auths/https:~1~1gpu-harbor.act.buaa.edu.cn~1"),
                after.at("/auths/https:~1~1gpu-harbor.act.buaa.edu.cn~1"), "the CLI adds its own key beside old spellings");
    }

    @Test
    void replacingALoginKeepsTheEntrysOtherFieldsAndDropsItsOldSecrets() {
        write(configFile(), "{\"auths\": {\"harbor.example\": {\"auth\": \"" + base64("old:old") + "\","
                + " \"identitytoken\": \"stale\", \"email\": \"me@example.com\", \"x-note\": [1]}}}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        config.putCredential("harbor.example", new Credential("alice", "pw"));
        config.write();

        JsonNode entry = tree(configFile()).path("auths").path("harbor.example");
        assertEquals(Set.of("email", "x-note", "auth"), Set.copyOf(names(entry)));
        assertEquals(Optional.of(new Credential("alice", "pw")), DockerConfigFile.read(configFile()).credential("harbor.example"));
    }

    @Test
    void theHelperMarkerIsAnEntryWithoutSecrets() {
        write(configFile(), "{\"auths\": {\"harbor.example\": {\"auth\": \"" + base64("old:" + SECRET) + "\", \"email\": \"e\"}}}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        config.putHelperMarker("https://harbor.example/");
        config.putHelperMarker("new.example");
        config.write();

        JsonNode auths = tree(configFile()).path("auths");
        assertEquals(ConfigFiles.JSON.createObjectNode().put("email", "e"), auths.get("harbor.example"));
        assertEquals(ConfigFiles.JSON.createObjectNode(), auths.get("new.example"));
        assertFalse(new String(readQuietly(configFile()), StandardCharsets.UTF_8).contains(base64("old:" + SECRET)));
    }

    @Test
    void removingALoginRemovesEverySpellingOfTheRegistryOnly() {
        write(configFile(), "{\"auths\": {\"harbor.example\": {}, \"https://harbor.example/v1/\": {},"
                + " \"other.example\": {}}, \"credsStore\": \"desktop\"}");
        DockerConfigFile config = DockerConfigFile.read(configFile());

        assertTrue(config.removeCredentials("http://harbor.example"));
        assertFalse(config.removeCredentials("harbor.example"));
        config.write();

        JsonNode written = tree(configFile());
        assertEquals(List.of("other.example"), names(written.get("auths")));
        assertEquals("desktop", written.path("credsStore").asText());
    }

    @Test
    void theFileIsTabIndentedLikeTheCli() throws IOException {
        DockerConfigFile config = DockerConfigFile.read(configFile());
        config.putHelperMarker("harbor.example");
        config.setCredsStore("desktop");
        config.write();

        assertEquals("{\n\t\"auths\": {\n\t\t\"harbor.example\": {}\n\t},\n\t\"credsStore\": \"desktop\"\n}",
                Files.readString(configFile()));
    }

    // --- how the file is written -------------------------------------------------------------------

    @Test
    void aNewFileIsOwnerOnlyInANewOwnerOnlyFolder() throws IOException {
        assumeTrue(isPosix(), "POSIX permissions only exist on POSIX file systems");
        Path file = folder.resolve("home/.docker/config.json");

        DockerConfigFile config = DockerConfigFile.read(file);
        config.putCredential("harbor.example", new Credential("alice", SECRET));
        config.write();

        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
        assertEquals("rwx------", permissions(file.getParent().getParent()));
    }

    @Test
    void aWrittenFileBecomesOwnerOnlyEvenIfItWasReadableByOthers() throws IOException {
        assumeTrue(isPosix(), "POSIX permissions only exist on POSIX file systems");
        write(configFile(), resource("cli-written.json"));
        Files.setPosixFilePermissions(configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        DockerConfigFile.read(configFile()).write();

        assertEquals("rw-------", permissions(configFile()));
    }

    @Test
    void noTemporaryFileIsLeftBehind() {
        for (int i = 0; i < 3; i++) {
            DockerConfigFile config = DockerConfigFile.read(configFile());
            config.putCredential("harbor" + i + ".example", new Credential("alice", "pw"));
            config.write();
        }

        assertEquals(Set.of("config.json"), filesIn(folder));
        assertEquals(3, tree(configFile()).path("auths").size());
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws IOException {
        Path target = write(folder.resolve("dotfiles/docker.json"), "{\"psFormat\": \"x\"}");
        Path link = Files.createDirectories(folder.resolve("docker")).resolve("config.json");
        Files.createSymbolicLink(link, Path.of("../dotfiles/docker.json"));

        DockerConfigFile config = DockerConfigFile.read(link);
        config.putCredential("harbor.example", new Credential("alice", "pw"));
        config.write();

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", tree(target).path("psFormat").asText());
        assertTrue(tree(target).path("auths").has("harbor.example"));
        assertEquals(Set.of("config.json"), filesIn(link.getParent()));
        assertEquals(Set.of("docker.json"), filesIn(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesWhatWasThereAndNoTemporaryFile() throws IOException {
        write(configFile(), resource("cli-written.json"));
        DockerConfigFile config = DockerConfigFile.read(configFile());
        config.putCredential("harbor.example", new Credential("alice", SECRET));
        // Something else took the file's place meanwhile: a folder, which no rename may replace
        // (this fails for root too, unlike a read-only folder).
        Files.delete(configFile());
        Path inside = write(configFile().resolve("keep.txt"), "kept");

        ConfigFileException e = assertThrows(ConfigFileException.class, config::write);

        assertEquals(Reason.UNWRITABLE, e.reason());
        assertTrue(e.getMessage().contains(configFile().toString()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals("kept", Files.readString(inside));
        assertEquals(Set.of("config.json"), filesIn(folder));
    }

    @Test
    void aReadOnlyFolderLeavesTheOldFileUntouched() throws IOException {
        assumeTrue(isPosix(), "POSIX permissions only exist on POSIX file systems");
        byte[] original = resource("cli-written.json");
        write(configFile(), original);
        DockerConfigFile config = DockerConfigFile.read(configFile());
        config.putCredential("harbor.example", new Credential("alice", SECRET));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        // Root ignores permission bits; the immutable attribute stops root too (ext4, as in CI).
        boolean immutable = Files.isWritable(folder);
        if (immutable) {
            chattr("+i", folder);
        }
        try {
            ConfigFileException e = assertThrows(ConfigFileException.class, config::write);

            assertEquals(Reason.UNWRITABLE, e.reason());
            assertArrayEquals(original, Files.readAllBytes(configFile()));
            assertEquals(Set.of("config.json"), filesIn(folder));
        } finally {
            if (immutable) {
                chattr("-i", folder);
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void chattr(String change, Path path) throws IOException {
        try {
            Process process = new ProcessBuilder("chattr", change, path.toString()).inheritIO().start();
            assertEquals(0, process.waitFor(), "chattr " + change + " " + path + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void aReadOnlyFileIsNotReplaced() throws IOException {
        assumeTrue(isPosix(), "POSIX permissions only exist on POSIX file systems");
        byte[] original = resource("cli-written.json");
        write(configFile(), original);
        DockerConfigFile config = DockerConfigFile.read(configFile());
        config.putCredential("harbor.example", new Credential("alice", SECRET));
        Files.setPosixFilePermissions(configFile(), PosixFilePermissions.fromString("r--------"));

        ConfigFileException e = assertThrows(ConfigFileException.class, config::write);

        assertEquals(Reason.UNWRITABLE, e.reason());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertArrayEquals(original, Files.readAllBytes(configFile()));
        assertEquals(Set.of("config.json"), filesIn(folder));
    }

    @Test
    void anInvalidFileIsNeverOverwritten() throws IOException {
        write(configFile(), "{\"auths\": ");

        assertThrows(ConfigFileException.class, () -> DockerConfigFile.read(configFile()));

        assertEquals("{\"auths\": ", Files.readString(configFile()));
    }

    private boolean isPosix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
