package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.harbor.HarborClient;
import io.github.harborupload.harbor.HarborException;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.platform.KeychainSessionStore;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.SessionNotForgottenException;
import io.github.harborupload.platform.SessionStoreException;
import io.github.harborupload.platform.SessionTokens;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.FakePlatform.CredentialFailure;
import io.github.harborupload.platformserver.InMemoryRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every code of crater-harbor-api.md §4 (backend/internal/resputil/code.go, the 2025 numbers,
 * bizerr), sent by the fake platform, read by the real client and named as a problem; and the
 * failures the client finds itself.
 */
class PlatformProblemsTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Translator CHINESE = new Translator(Language.CHINESE);
    private static final String JSON = "application/json; charset=utf-8";

    private final InMemoryRegistry registry = new InMemoryRegistry("harbor.test");
    private FakePlatform platform;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        platform = FakePlatform.start(ServerVersion.CURRENT, registry).user("alice", "pw-alice");
        client = new PlatformClient(platform.address(), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private static Problem problemOf(Executable call) {
        return Problems.of(assertThrows(PlatformException.class, call));
    }

    private Problem loginAnswering(int status, int code, String msg) {
        platform.answerNext("POST", "/api/auth/login", status, JSON, envelope(code, msg));
        return problemOf(() -> client.signIn("alice", "pw-alice"));
    }

    private Problem quotaAnswering(int status, int code, String msg) throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        platform.answerNext("GET", "/api/v1/images/quota", status, JSON, envelope(code, msg));
        return problemOf(session::quota);
    }

    private static String envelope(int code, String msg) {
        return "{\"code\":" + code + ",\"data\":null,\"msg\":\"" + msg + "\"}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | 40001 | Invalid authentication method                 | PLATFORM_INVALID_REQUEST",
            "400 | 40003 | missing parameter                             | PLATFORM_INVALID_REQUEST",
            "400 | 40004 | parameter error                               | PLATFORM_INVALID_REQUEST",
            "400 | 40002 | business logic error                          | PLATFORM_REQUEST_FAILED",
            "401 | 40102 | Invalid token                                 | PLATFORM_TOKEN_INVALID",
            "401 | 40114 | Legacy token not supported                    | PLATFORM_TOKEN_INVALID",
            "500 | 40103 | User must register before login               | PLATFORM_MUST_REGISTER",
            "500 | 40104 | Register timeout                              | PLATFORM_MUST_REGISTER",
            "500 | 40105 | Register not found                            | PLATFORM_MUST_REGISTER",
            "401 | 40121 | User must register before login               | PLATFORM_MUST_REGISTER",
            "401 | 40106 | Invalid credentials                           | PLATFORM_WRONG_PASSWORD",
            "401 | 40111 | Invalid username or password                  | PLATFORM_WRONG_PASSWORD",
            "401 | 40112 | LDAP error                                    | PLATFORM_DIRECTORY_ERROR",
            "401 | 40122 | UID service error                             | PLATFORM_DIRECTORY_ERROR",
            "401 | 40113 | LDAP user not found                           | PLATFORM_ACCOUNT_NOT_FOUND",
            "401 | 40123 | UID not found                                 | PLATFORM_ACCOUNT_NOT_FOUND",
            "500 | 40301 | User must has at least one queue              | PLATFORM_NO_QUEUE",
            "403 | 40302 | email not verified                            | PLATFORM_EMAIL_NOT_VERIFIED",
            "404 | 40401 | not found                                     | PLATFORM_REQUEST_FAILED",
            "409 | 40902 | resource status error                         | PLATFORM_REQUEST_FAILED",
            "500 | 50000 | Internal Server Error                         | PLATFORM_UNAVAILABLE",
            "500 | 50001 | service error                                 | PLATFORM_UNAVAILABLE",
            "500 | 50002 | database error                                | PLATFORM_UNAVAILABLE",
            "401 | 99999 | User is not active                             | PLATFORM_ACCOUNT_INACTIVE",
            "500 | 99999 | something else entirely                       | PLATFORM_REQUEST_FAILED",
            "500 | 12345 | a code nobody documented                      | PLATFORM_REQUEST_FAILED"})
    void everyCodeAtSignInIsNamed(int status, int code, String msg, ProblemType expected) {
        assertEquals(expected, loginAnswering(status, code, msg).type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Outside sign-in, 40301 is bizerr's PermissionDenied (image owner checks).
            "403 | 40301 | permission denied to manage this image | PLATFORM_PERMISSION_DENIED",
            "403 | 40999 | forbidden                              | PLATFORM_PERMISSION_DENIED",
            "502 | 50001 | bad gateway                            | PLATFORM_UNAVAILABLE"})
    void someCodesMeanOtherThingsOutsideSignIn(int status, int code, String msg, ProblemType expected) throws Exception {
        assertEquals(expected, quotaAnswering(status, code, msg).type());
    }

    @ParameterizedTest
    @EnumSource(CredentialFailure.class)
    void eachCredentialStepFailureIsNamed(CredentialFailure failure) throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        platform.failNextCredential(failure);

        Problem problem = problemOf(session::resetHarborCredentials);

        assertEquals(failure == CredentialFailure.CREATE_USER
                ? ProblemType.PLATFORM_CREATE_USER_FAILED : ProblemType.PLATFORM_HARBOR_ACCOUNT_FAILED, problem.type());
    }

    @Test
    void aSignOutThatLeavesASessionBehindIsAnErrorNotASuccess() {
        // Issue 13, item 3: a keychain that cannot be reached fails the sign-out loudly.
        SessionStoreException unreachable = assertThrows(SessionStoreException.class,
                () -> new KeychainSessionStore(KeychainSessionStore.Tool.SECRET_TOOL, Path.of("/nonexistent/secret-tool"),
                        Map.of(), Duration.ofSeconds(5)).forget(URI.create("https://gpu.act.buaa.edu.cn")));
        Problem problem = Problems.of(new SessionNotForgottenException(unreachable));

        assertEquals(ProblemType.SESSION_NOT_FORGOTTEN, problem.type());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals("未能完全退出", CHINESE.text(problem.title()));
        assertTrue(problem.detail().contains("cannot start /nonexistent/secret-tool"), problem.detail());
    }

    @Test
    void plainHttpToAnotherComputerIsNamedWithTheWayOut() {
        // Issue 13, item 2: the sign-in dialog shows this when an http:// address is typed.
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PlatformClient.parseAddress("http://203.0.113.5"));
        Problem problem = Problems.of(refused);

        assertEquals(ProblemType.PLATFORM_PLAIN_HTTP, problem.type());
        assertTrue(ENGLISH.text(problem.actions().get(1)).contains("--allow-http"));
        assertEquals("已拒绝以明文 http 连接平台", CHINESE.text(problem.title()));
    }

    @Test
    void createUserFailedSaysJustTryAgainAndShowsThePlatformsMessage() throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        platform.failNextCredential(CredentialFailure.CREATE_USER);

        Problem problem = problemOf(session::resetHarborCredentials);

        assertEquals("The platform said: \"create user failed\"", ENGLISH.text(problem.causes().get(0)));
        assertEquals("平台的消息：“create user failed”", CHINESE.text(problem.causes().get(0)));
        assertEquals("Just try again: the next try almost always works.", ENGLISH.text(problem.actions().get(0)));
        assertTrue(problem.detail().contains("HTTP 500, code 99999: create user failed"), problem.detail());
    }

    @Test
    void aWrongPasswordShowsThePlatformsMessageFirst() {
        Problem problem = problemOf(() -> client.signIn("alice", "not-it"));
        assertEquals(ProblemType.PLATFORM_WRONG_PASSWORD, problem.type());
        assertEquals("Wrong platform username or password", ENGLISH.text(problem.title()));
        assertEquals("平台用户名或密码错误", CHINESE.text(problem.title()));
        assertEquals("The platform said: \"Invalid username or password\"", ENGLISH.text(problem.causes().get(0)));
        assertFalse(problem.detail().contains("not-it"));
    }

    @Test
    void aRefusedRenewalIsSessionExpiredWithoutTokensInTheDetail() throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        SessionTokens tokens = session.tokens();
        platform.expireAccessTokens().revokeRefreshTokens();

        Problem problem = problemOf(session::harborRegistry);

        assertEquals(ProblemType.PLATFORM_SESSION_EXPIRED, problem.type());
        assertFalse(problem.detail().contains(tokens.accessToken()));
        assertFalse(problem.detail().contains(tokens.refreshToken()));
        assertTrue(problem.causes().stream().noneMatch(cause -> cause.key().equals("fact.server_message")),
                "the refresh endpoint's \"User not found\" would only confuse");
    }

    @Test
    void answersThatAreNotThePlatformsAreNamed() throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        platform.answerNext("GET", "/api/v1/images/harbor", 200, "text/html", "<html>campus network login</html>");
        assertEquals(ProblemType.PLATFORM_NOT_AN_API, problemOf(session::harborRegistry).type());
        platform.answerNext("GET", "/api/v1/images/harbor", 502, "text/html", "<html>502 Bad Gateway</html>");
        assertEquals(ProblemType.PLATFORM_UNAVAILABLE, problemOf(session::harborRegistry).type());
        platform.answerNext("GET", "/api/v1/images/harbor", 200, JSON, "");
        assertEquals(ProblemType.PLATFORM_BAD_ANSWER, problemOf(session::harborRegistry).type());
        platform.answerNext("GET", "/api/v1/images/harbor", 200, JSON, "{\"code\":0,\"data\":{\"ip\":[]}}");
        assertEquals(ProblemType.PLATFORM_BAD_ANSWER, problemOf(session::harborRegistry).type());
        // A redirect is not followed (it would carry the token along): this address is not the API.
        platform.answerNext("GET", "/api/v1/images/harbor", 301, null, "");
        assertEquals(ProblemType.PLATFORM_NOT_AN_API, problemOf(session::harborRegistry).type());
    }

    @Test
    void noConnectionIsNamedByWhy() throws Exception {
        URI closed;
        try (FakePlatform gone = FakePlatform.start(ServerVersion.CURRENT, registry)) {
            closed = gone.address();
        }
        assertEquals(ProblemType.PLATFORM_UNREACHABLE, problemOf(() -> new PlatformClient(closed).authMode()).type());
        assertEquals(ProblemType.PLATFORM_HOST_NOT_FOUND,
                problemOf(() -> new PlatformClient(URI.create("https://platform.invalid")).authMode()).type());
        platform.answerNext("GET", "/api/auth/mode", 200, JSON,
                "{\"code\":0,\"data\":\"act\",\"msg\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(3));
        PlatformClient impatient = new PlatformClient(platform.address(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(ProblemType.PLATFORM_TIMEOUT, problemOf(impatient::authMode).type());
    }

    @Test
    void anImportRefusedBeforeSendingSaysWhyFirst() throws Exception {
        PlatformSession session = client.signIn("alice", "pw-alice");
        String link = "harbor.test/user-alice/" + "x".repeat(120) + ":1";

        Problem problem = problemOf(() -> session.importImage(ImportRequest.of(link, "")));

        assertEquals(ProblemType.PLATFORM_IMPORT_INVALID, problem.type());
        assertTrue(ENGLISH.text(problem.causes().get(0)).startsWith("The image link has 145 characters"),
                ENGLISH.text(problem.causes().get(0)));
        assertTrue(CHINESE.text(problem.causes().get(0)).startsWith("镜像链接有 145 个字符"));
    }

    @Test
    void anUnconfirmedImportIsAWarningNamingTheLink() {
        Problem problem = Problems.ofUnconfirmedImport("harbor.test/user-alice/torch:v1");
        assertEquals(ProblemType.PLATFORM_IMPORT_NOT_CONFIRMED, problem.type());
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("Image link: harbor.test/user-alice/torch:v1", ENGLISH.text(problem.causes().get(0)));
    }

    @Test
    void harborsAnswersAreNamedSoftlyUnlessTheLoginIsWrong() throws Exception {
        registry.setPassword("alice", "Ab3dE_fG-h1JkLmNoPq2");
        HarborClient harbor = new HarborClient(platform.address(), new Credential("alice", "Ab3dE_fG-h1JkLmNoPq2"));

        Problem missing = Problems.of(assertThrows(HarborException.class, () -> harbor.projectQuota("user-nobody")));
        assertEquals(ProblemType.HARBOR_PROJECT_NOT_FOUND, missing.type());

        platform.answerNext("GET", "/api/v2.0/projects/user-alice/repositories/torch/artifacts/v1", 401, JSON,
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized\"}]}");
        Problem unauthorized = Problems.of(assertThrows(HarborException.class,
                () -> harbor.artifactExists("user-alice", "torch", "v1")));
        assertEquals(ProblemType.LOGIN_FAILED, unauthorized.type());

        platform.answerNext("GET", "/api/v2.0/projects/user-alice/summary", 500, JSON,
                "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"internal\"}]}");
        Problem failed = Problems.of(assertThrows(HarborException.class, () -> harbor.projectQuota("user-alice")));
        assertEquals(ProblemType.HARBOR_CHECK_FAILED, failed.type());
        assertEquals(Severity.WARNING, failed.severity());
    }
}
