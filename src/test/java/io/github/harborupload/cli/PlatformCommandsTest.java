package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.FakePlatform.ImageRecord;
import io.github.harborupload.platformserver.InMemoryRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.settings.UploadHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code platform login}, {@code platform logout} and {@code import} in-process against the local
 * platform server, which follows raids-lab/crater's handlers (each test names the one it relies
 * on). No Docker is needed: the server keeps its Harbor accounts in memory.
 */
class PlatformCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final String USER = "alice";
    private static final String PASSWORD = "alice-Platform-pw1";
    private static final String LINK = "harbor.test/user-alice/my-model:v1";
    /** Where the file store keeps sessions (platform.FileSessionStore): the test Environment has no secret-tool on PATH. */
    private static final String SESSIONS_FILE = "platform-sessions.json";

    @TempDir
    Path dir;

    private FakePlatform platform;
    private CliRunner cli;

    private void start(ServerVersion version) throws IOException {
        platform = FakePlatform.start(version, new InMemoryRegistry("harbor.test")).user(USER, PASSWORD);
        cli = new CliRunner(dir, "unix:///nonexistent/docker.sock");
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private CliRunner.Result signIn() {
        return cli.runWithInput(PASSWORD + "\n", "platform", "login", "--url", platform.address().toString(),
                "--username", USER, "--password-stdin");
    }

    private JsonNode keptSession() throws IOException {
        return JSON.readTree(cli.appConfig.resolve(SESSIONS_FILE).toFile()).path(platform.address().toString());
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void signsInTheWayTheServerSaysAndKeepsOnlyTokensInAnOwnerOnlyFile(ServerVersion version) throws Exception {
        // auth.go GetAuthMode: "act" (a string) before c1c8031f, an object after; Login takes act-ldap or ldap.
        start(version);
        CliRunner.Result result = signIn();

        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().lines().anyMatch(("Signed in as " + USER)::equals), result.out());
        JsonNode login = JSON.readTree(platform.requests("POST", "/api/auth/login").get(0).body());
        assertEquals(version.legacyAuth() ? "act-ldap" : "ldap", login.path("auth").asText());

        Path kept = cli.appConfig.resolve(SESSIONS_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        String content = Files.readString(kept);
        assertFalse(content.contains(PASSWORD), "never the platform password: " + content);
        assertFalse(keptSession().path("accessToken").asText().isEmpty(), content);
        assertFalse(keptSession().path("refreshToken").asText().isEmpty(), content);
        assertFalse(result.all().contains(PASSWORD));
        JsonNode settings = JSON.readTree(cli.appConfig.resolve("settings.json").toFile());
        assertEquals(platform.address().toString(), settings.path("platformAddress").asText());
    }

    @Test
    void aPlatformWithoutItsDirectorySignsInTheNormalWay() throws Exception {
        // auth.go GetAuthMode on a new server: enableLdap false, so Login takes "normal".
        start(ServerVersion.CURRENT);
        platform.ldap(false);
        assertEquals(0, signIn().exit());
        assertEquals("normal", JSON.readTree(platform.requests("POST", "/api/auth/login").get(0).body()).path("auth").asText());
    }

    @ParameterizedTest
    @EnumSource(value = ServerVersion.class, names = {"NOVEMBER_2025", "CURRENT"})
    void aWrongPlatformPasswordIsAnAuthProblemWithTheServersMessage(ServerVersion version) throws Exception {
        // auth.go Login: 401 with 40106 "Invalid credentials" (old), 40111 "Invalid username or password" (new).
        start(version);
        String wrong = "wrong-" + Long.toHexString(System.nanoTime());
        CliRunner.Result result = cli.runWithInput(wrong + "\n", "platform", "login", "--url", platform.address().toString(),
                "--username", USER, "--password-stdin");

        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(ProblemType.PLATFORM_WRONG_PASSWORD.title())), result.err());
        assertTrue(result.err().contains(version.legacyAuth() ? "Invalid credentials" : "Invalid username or password"),
                "the server's own message: " + result.err());
        assertFalse(result.all().contains(wrong));
        assertFalse(Files.exists(cli.appConfig.resolve(SESSIONS_FILE)), "nothing kept");
    }

    @Test
    void importsWithTheKeptSessionAndConfirmsByListing() throws Exception {
        // image.go UserUploadImage saves the record; UserListImage lists it under userInfo.username.
        start(ServerVersion.CURRENT);
        signIn();
        CliRunner.Result result = cli.run("import", LINK, "--description", "PyTorch 2.5", "--task-type", "pytorch", "--json");

        assertEquals(0, result.exit(), result.all());
        JsonNode printed = JSON.readTree(result.out());
        assertEquals(LINK, printed.path("link").asText());
        assertTrue(printed.path("imported").asBoolean());
        ImageRecord saved = platform.images().get(0);
        assertEquals(List.of(LINK, "PyTorch 2.5", "pytorch", USER), List.of(saved.link(), saved.description(),
                saved.taskType(), saved.owner()));
        // Listed twice: for a record of the link to update instead (issue 12), then to confirm.
        assertEquals(2, platform.requests("GET", "/api/v1/images/image").size(), "confirmed by listing");
    }

    @Test
    void aConfirmedImportMarksTheUploadInTheHistoryWhichTheHistoryCommandLists() throws Exception {
        // Issue 15, item 13: the flow records each push (PushStep) and marks a confirmed import
        // (ImportStep), so the wizard and the command line keep one list.
        start(ServerVersion.CURRENT);
        signIn();
        String digest = "sha256:" + "c".repeat(64);
        new UploadHistory(cli.appConfig).recordPush("my-model:v1", LINK, digest, Instant.parse("2026-12-01T08:00:00Z"));
        JsonNode before = JSON.readTree(cli.run("history", "--json").out()).get(0);
        assertEquals(List.of(LINK, "my-model:v1", digest, "2026-12-01T08:00:00Z", "false"), List.of(before.path("link").asText(),
                before.path("image").asText(), before.path("digest").asText(), before.path("pushed").asText(),
                before.path("imported").asText()));

        assertEquals(0, cli.run("import", LINK).exit());
        CliRunner.Result after = cli.run("history", "--lang", "zh");
        assertEquals(0, after.exit(), after.all());
        assertTrue(after.out().startsWith(LINK + "   已导入\n    本地镜像 my-model:v1，上传于 "), after.out());
        assertTrue(after.out().contains(digest));
        assertTrue(JSON.readTree(cli.run("history", "--json").out()).get(0).path("imported").asBoolean());
    }

    @Test
    void anEmptyHistorySaysSo() throws Exception {
        start(ServerVersion.CURRENT);
        assertEquals("No image has been uploaded from this computer yet.\n", cli.run("history").out());
        assertEquals("[]\n", cli.run("history", "--json").out());
    }

    @Test
    void theDescriptionDefaultsToRepositoryAndTagAndTheAddressToTheRememberedOne() throws Exception {
        start(ServerVersion.MARCH_2025);
        signIn();
        CliRunner.Result result = cli.run("import", LINK, "--lang", "zh");

        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().contains("已导入 " + LINK), result.out());
        assertEquals("my-model:v1", platform.images().get(0).description());
        assertEquals("custom", platform.images().get(0).taskType());
    }

    @Test
    void aLinkOverTheColumnsLimitIsRefusedBeforeAnythingIsSent() throws Exception {
        // dao/model/image.go: ImageLink varchar(128); a longer one fails the insert, yet the API says success.
        start(ServerVersion.CURRENT);
        signIn();
        int before = platform.requests().size();
        String longLink = "harbor.test/user-alice/" + "a".repeat(110) + ":v1";
        CliRunner.Result link = cli.run("import", longLink);
        CliRunner.Result description = cli.run("import", LINK, "--description", "d".repeat(513));

        assertEquals(ExitCode.USAGE.code(), link.exit(), link.all());
        assertTrue(link.err().contains("128"), link.err());
        assertEquals(ExitCode.USAGE.code(), description.exit(), description.all());
        assertTrue(description.err().contains("512"), description.err());
        assertEquals(before, platform.requests().size(), "the platform got no request");
    }

    @Test
    void aLinkWithASingleLabelRegistryIsRefusedBeforeAnythingIsSent() throws Exception {
        // normalize.go splitDockerDomain: docker reads harbor/user-alice/… as a Docker Hub repository.
        start(ServerVersion.CURRENT);
        signIn();
        int before = platform.requests().size();
        CliRunner.Result result = cli.run("import", "harbor/user-alice/my-model:v1");
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains("Docker Hub") && result.err().contains("full host name"), result.err());
        assertEquals(before, platform.requests().size(), "the platform got no request");
    }

    @Test
    void anImportTheListDoesNotShowIsNotConfirmed() throws Exception {
        // image.go UserUploadImage: a failed user lookup returns an empty 200 and saves nothing.
        start(ServerVersion.CURRENT);
        signIn();
        platform.failNextImportUserLookup();
        CliRunner.Result result = cli.run("import", LINK, "--json");

        assertEquals(ExitCode.IMPORT_NOT_CONFIRMED.code(), result.exit(), result.all());
        assertFalse(JSON.readTree(result.out()).path("imported").asBoolean(true));
        assertTrue(result.err().contains(ENGLISH.text(ProblemType.PLATFORM_IMPORT_NOT_CONFIRMED.title())), result.err());
        assertTrue(platform.images().isEmpty());
    }

    @Test
    void anExpiredAccessTokenIsRenewedAndTheKeptSessionUpdated() throws Exception {
        // middleware/jwt.go: an expired token is 401/40101; frontend/src/services/client.ts renews it and retries.
        start(ServerVersion.CURRENT);
        signIn();
        String before = keptSession().path("accessToken").asText();
        // As if the hour the platform gives a token (config/token.go) had passed since platform login.
        platform.expireAccessTokens();

        CliRunner.Result result = cli.run("import", LINK);

        assertEquals(0, result.exit(), result.all());
        assertEquals(1, platform.images().size());
        assertFalse(platform.requests("POST", "/api/auth/refresh").isEmpty());
        assertNotEquals(before, keptSession().path("accessToken").asText(), "the renewed token is kept for the next command");
    }

    @Test
    void aSessionThatCannotBeRenewedSaysToSignInAgain() throws Exception {
        // auth.go Refresh: an unusable refresh token is 401 with 99999 "User not found".
        start(ServerVersion.CURRENT);
        signIn();
        platform.expireAccessTokens().revokeRefreshTokens();
        CliRunner.Result result = cli.run("import", LINK);

        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(ProblemType.PLATFORM_SESSION_EXPIRED.title())), result.err());
        assertTrue(result.err().contains("harbor-upload platform login"), result.err());
    }

    @Test
    void logoutForgetsTheKeptSession() throws Exception {
        start(ServerVersion.CURRENT);
        signIn();
        CliRunner.Result logout = cli.run("platform", "logout");

        assertEquals(0, logout.exit(), logout.all());
        assertTrue(keptSession().isMissingNode(), Files.readString(cli.appConfig.resolve(SESSIONS_FILE)));
        CliRunner.Result result = cli.run("import", LINK);
        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(platform.requests("POST", "/api/v1/images/image").isEmpty());
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedBeforeThePasswordIsRead() throws Exception {
        // Issue 13, item 2. 203.0.113.5 is TEST-NET-3: a connection attempt would hang for the
        // connect timeout, so a quick usage error also shows that nothing was tried.
        start(ServerVersion.CURRENT);
        CliRunner.Result result = cli.runWithInput(PASSWORD + "\n", "platform", "login", "--url", "http://203.0.113.5",
                "--username", USER, "--password-stdin");

        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains("http://203.0.113.5 is plain http"), result.err());
        assertTrue(result.err().contains("--allow-http"), result.err());
        assertFalse(result.all().contains(PASSWORD));
        assertFalse(Files.exists(cli.appConfig.resolve(SESSIONS_FILE)));
    }

    @Test
    void allowHttpWarnsEachTimeAndIsNotRemembered() throws Exception {
        // logout sends nothing to the platform, so the warning can be seen without a platform on http.
        start(ServerVersion.CURRENT);
        for (int time = 0; time < 2; time++) {
            CliRunner.Result result = cli.run("platform", "logout", "--url", "http://203.0.113.5", "--allow-http");
            assertEquals(0, result.exit(), result.all());
            assertTrue(result.err().contains("http://203.0.113.5 is plain http (--allow-http)"), result.err());
        }
        CliRunner.Result without = cli.run("platform", "logout", "--url", "http://203.0.113.5");
        assertEquals(ExitCode.USAGE.code(), without.exit(), without.all());
        // A loopback platform needs no option and gets no warning.
        CliRunner.Result loopback = cli.run("platform", "logout", "--url", platform.address().toString());
        assertFalse(loopback.err().contains("plain http"), loopback.err());
    }

    @Test
    void logoutAllForgetsTheSessionsOfEveryAddress() throws Exception {
        // Issue 13, item 3: "forget every kept session on request, not only the current address".
        start(ServerVersion.CURRENT);
        signIn();
        Files.writeString(cli.appConfig.resolve(SESSIONS_FILE), Files.readString(cli.appConfig.resolve(SESSIONS_FILE))
                .replaceFirst("\\{", "{\"https://other.example.org\": {\"username\": \"alice\", \"accessToken\": \"a\", \"refreshToken\": \"r\"},"));

        CliRunner.Result logout = cli.run("platform", "logout", "--all");

        assertEquals(0, logout.exit(), logout.all());
        assertTrue(logout.out().contains("no platform session is kept on this computer any more"), logout.out());
        assertFalse(Files.exists(cli.appConfig.resolve(SESSIONS_FILE)));
        assertEquals(ExitCode.AUTH.code(), cli.run("import", LINK).exit());
    }

    @Test
    void aNormalAccountSignsInWithAuthNormalAndTheNextLoginRemembersIt() throws Exception {
        // auth.go Login on a server with both methods (GetAuthMode: enableLdap and enableNormalLogin):
        // an account of the platform itself exists only under auth "normal" (issue 12).
        start(ServerVersion.CURRENT);
        platform.normalUser("admin", "admin-Platform-pw1");
        CliRunner.Result first = cli.runWithInput("admin-Platform-pw1\n", "platform", "login", "--url",
                platform.address().toString(), "--auth", "normal", "--username", "admin", "--password-stdin");
        CliRunner.Result again = cli.runWithInput("admin-Platform-pw1\n", "platform", "login", "--url",
                platform.address().toString(), "--username", "admin", "--password-stdin");

        assertEquals(0, first.exit(), first.all());
        assertEquals(0, again.exit(), again.all());
        List<String> methods = platform.requests("POST", "/api/auth/login").stream()
                .map(request -> readAuth(request.body())).toList();
        assertEquals(List.of("normal", "normal"), methods, "the method used last, without --auth");
        assertEquals("normal", keptSession().path("auth").asText());
    }

    @Test
    void aNormalAccountTriedTheLdapWayIsToldAboutAuthNormal() throws Exception {
        // auth.go Login with auth "ldap": 401 code 40113 (LdapUserNotFound), which reads like a wrong password.
        start(ServerVersion.CURRENT);
        platform.normalUser("admin", "admin-Platform-pw1");
        CliRunner.Result result = cli.runWithInput("admin-Platform-pw1\n", "platform", "login", "--url",
                platform.address().toString(), "--username", "admin", "--password-stdin");

        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(result.err().contains("--auth normal"), result.err());
        assertFalse(result.all().contains("admin-Platform-pw1"));
    }

    @Test
    void anUnknownAuthIsRefusedBeforeThePasswordIsRead() throws Exception {
        start(ServerVersion.CURRENT);
        CliRunner.Result result = cli.runWithInput(PASSWORD + "\n", "platform", "login", "--url",
                platform.address().toString(), "--auth", "kerberos", "--username", USER, "--password-stdin");

        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains("--auth normal"), result.err());
        assertTrue(platform.requests("POST", "/api/auth/login").isEmpty());
    }

    @Test
    void importingALinkAgainUpdatesTheOneRecordWithTheTagsGiven() throws Exception {
        // The platform never de-duplicates imports; interface.go: POST /v1/images/description, /type,
        // /tags, /arch, each {id, …}, update the user's own record (issue 12).
        start(ServerVersion.CURRENT);
        signIn();
        CliRunner.Result first = cli.run("import", LINK, "--image-tags", "CUDA, Pytorch,,CUDA", "--json");
        CliRunner.Result again = cli.run("import", LINK, "--description", "second", "--json");

        assertEquals(0, first.exit(), first.all());
        assertFalse(JSON.readTree(first.out()).path("updated").asBoolean(true));
        assertEquals(0, again.exit(), again.all());
        JsonNode printed = JSON.readTree(again.out());
        assertTrue(printed.path("imported").asBoolean());
        assertTrue(printed.path("updated").asBoolean());
        assertTrue(again.err().contains("Updated " + LINK), again.err());
        assertEquals(1, platform.images().size(), "one record per image");
        ImageRecord record = platform.images().get(0);
        assertEquals("second", record.description());
        assertEquals(List.of("CUDA", "Pytorch"), record.tags(), "the tags used last for the repository");
    }

    @Test
    void verboseNamesThePlatformBuild() throws Exception {
        // auth.go Check: data.version {appVersion, commitSHA, buildType, buildTime}.
        start(ServerVersion.CURRENT);
        signIn();
        CliRunner.Result result = cli.run("import", LINK, "--verbose");

        assertEquals(0, result.exit(), result.all());
        assertTrue(result.err().contains(FakePlatform.APP_VERSION + " (" + FakePlatform.COMMIT_SHA), result.err());
    }

    private static String readAuth(String body) {
        try {
            return JSON.readTree(body).path("auth").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
