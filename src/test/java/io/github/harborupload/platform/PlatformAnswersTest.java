package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.registry.ConnectionFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that are not what the contract promises, and no answer at all: each is one clear
 * {@link PlatformException}, never a raw exception. The envelope is
 * backend/internal/resputil/response.go.
 */
class PlatformAnswersTest {

    private static final String HARBOR = "/api/v1/images/harbor";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private FakePlatformFixture fixture;
    private PlatformSession session;

    @BeforeEach
    void signIn() throws Exception {
        fixture = FakePlatformFixture.start(ServerVersion.CURRENT);
        session = fixture.signIn();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private PlatformException harborAddressAnswering(int status, String contentType, String body) {
        fixture.platform.answerNext("GET", HARBOR, status, contentType, body);
        PlatformException failure = assertThrows(PlatformException.class, session::harborRegistry);
        PlatformSignInContractTest.assertTokensHidden(failure, session.tokens());
        return failure;
    }

    @Test
    void aProxysHtmlErrorPageIsNotJson() {
        PlatformException html = harborAddressAnswering(502, "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");
        assertEquals(PlatformException.Kind.NOT_JSON, html.kind());
        assertEquals(502, html.status());
        assertTrue(html.getMessage().contains("502 Bad Gateway"), html.getMessage());
    }

    @Test
    void aNetworkLoginPageAnsweringOkIsNotJson() {
        PlatformException portal = harborAddressAnswering(200, "text/html", "<!DOCTYPE html><html>Please sign in to the campus network</html>");
        assertEquals(PlatformException.Kind.NOT_JSON, portal.kind());
        assertEquals(200, portal.status());
    }

    @Test
    void anEmptyBodyIsAnEmptyAnswer() {
        PlatformException empty = harborAddressAnswering(200, null, "");
        assertEquals(PlatformException.Kind.EMPTY_ANSWER, empty.kind());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        PlatformException wrong = harborAddressAnswering(200, JSON_TYPE, "{\"code\":0,\"data\":{\"ip\":5},\"msg\":\"\"}");
        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER, wrong.kind());
        assertTrue(wrong.getMessage().contains("data.ip should be a string, was number"), wrong.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        PlatformException missing = harborAddressAnswering(200, JSON_TYPE, "{\"code\":0,\"data\":{},\"msg\":\"\"}");
        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER, missing.kind());
        assertTrue(missing.getMessage().contains("data.ip is missing"), missing.getMessage());

        PlatformException noData = harborAddressAnswering(200, JSON_TYPE, "{\"code\":0,\"msg\":\"\"}");
        assertTrue(noData.getMessage().contains("data should be an object, was missing"), noData.getMessage());
    }

    @Test
    void jsonWithoutTheEnvelopeIsUnexpected() {
        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER, harborAddressAnswering(200, JSON_TYPE, "[1, 2]").kind());
        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER,
                harborAddressAnswering(200, JSON_TYPE, "{\"ip\":\"https://x\"}").kind());
        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER,
                harborAddressAnswering(200, JSON_TYPE, "{\"code\":\"0\",\"data\":{}}").kind());
    }

    @Test
    void anOddLoginAnswerIsNeverQuotedForItCarriesTokens() {
        // Issue 13, item 5: "code":"0" made the detail quote the answer, both tokens in it, on --verbose
        // and in the wizard's details. Login, refresh and credential answers are never quoted.
        String accessToken = "eyJhbGciOiJIUzI1NiJ9.access-" + "A".repeat(300);
        fixture.platform.answerNext("POST", "/api/auth/login", 200, JSON_TYPE,
                "{\"code\":\"0\",\"data\":{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"refresh-secret-R1\"}}");

        PlatformException odd = assertThrows(PlatformException.class, fixture::signIn);

        assertEquals(PlatformException.Kind.UNEXPECTED_ANSWER, odd.kind());
        assertFalse(odd.getMessage().contains("access-AAAA"), odd.getMessage());
        assertFalse(odd.getMessage().contains("refresh-secret-R1"), odd.getMessage());
        assertTrue(odd.getMessage().contains("not quoted"), odd.getMessage());
        assertTrue(Endpoint.CREDENTIAL.answersWithSecrets() && Endpoint.REFRESH.answersWithSecrets());
        assertFalse(Endpoint.HARBOR_ADDRESS.answersWithSecrets());
    }

    @Test
    void aNonZeroCodeIsAnErrorEvenWithHttp200() {
        PlatformException error = harborAddressAnswering(200, JSON_TYPE, "{\"code\":40002,\"data\":null,\"msg\":\"镜像仓库未配置\"}");
        assertEquals(PlatformException.Kind.SERVER_ERROR, error.kind());
        assertEquals(40002, error.code().getAsInt());
        assertEquals("镜像仓库未配置", error.serverMessage());
    }

    @Test
    void anErrorStatusIsAnErrorEvenWithCodeZero() {
        PlatformException error = harborAddressAnswering(500, JSON_TYPE, "{\"code\":0,\"data\":null,\"msg\":\"\"}");
        assertEquals(PlatformException.Kind.SERVER_ERROR, error.kind());
        assertEquals(500, error.status());
    }

    @Test
    void brokenJsonIsOneClearFailureNeverARawException() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        byte[] garbage = new byte[2048];
        new java.util.SplittableRandom(5).nextBytes(garbage);
        for (String body : new String[] {
            "{\"code\":0,\"data\":{\"ip\":\"https://h",
            "{\"code\":0,\"data\":" + deep + "}",
            "null",
            "\uFEFF{\"code\":0,\"data\":{\"ip\":5}}",
            "{\"code\":1e400,\"data\":{},\"msg\":\"\"}",
            new String(garbage, StandardCharsets.ISO_8859_1)}) {
            PlatformException failure = harborAddressAnswering(200, JSON_TYPE, body);
            assertTrue(failure.kind() == PlatformException.Kind.UNEXPECTED_ANSWER || failure.kind() == PlatformException.Kind.NOT_JSON,
                    failure.kind() + " for " + body.substring(0, Math.min(60, body.length())));
            assertTrue(failure.getMessage().length() < 2000, "the message quotes little: " + failure.getMessage().length());
        }
    }

    @Test
    void aHugeAnswerIsCutAndRefused() {
        byte[] huge = new byte[3 << 20];
        Arrays.fill(huge, (byte) ' ');
        byte[] start = "{\"code\":0,\"data\":{\"ip\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, huge, 0, start.length);
        fixture.platform.answerNext("GET", HARBOR, 200, JSON_TYPE, huge, Duration.ZERO);

        PlatformException tooLarge = assertThrows(PlatformException.class, session::harborRegistry);

        assertEquals(PlatformException.Kind.TOO_LARGE, tooLarge.kind());
    }

    @Test
    void aSlowAnswerTimesOut() throws Exception {
        fixture.platform.answerNext("GET", "/api/auth/mode", 200, JSON_TYPE,
                "{\"code\":0,\"data\":\"act\",\"msg\":\"\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        PlatformClient impatient = new PlatformClient(fixture.platform.address(), Duration.ofSeconds(1), Duration.ofSeconds(1));

        PlatformException timeout = assertThrows(PlatformException.class, impatient::authMode);

        assertEquals(PlatformException.Kind.CONNECTION, timeout.kind());
        assertEquals(ConnectionFailure.TIMEOUT, timeout.connectionFailure());
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        URI closed;
        try (FakePlatform gone = FakePlatform.start(ServerVersion.CURRENT, fixture.registry)) {
            closed = gone.address();
        }
        PlatformException refused = assertThrows(PlatformException.class, () -> new PlatformClient(closed).authMode());

        assertEquals(PlatformException.Kind.CONNECTION, refused.kind());
        assertEquals(ConnectionFailure.UNREACHABLE, refused.connectionFailure());
        assertTrue(refused.getMessage().contains(closed.toString()), refused.getMessage());
    }

    @Test
    void aNameThatDoesNotResolveIsHostNotFound() {
        // RFC 6761: .invalid never resolves.
        PlatformClient nowhere = new PlatformClient(URI.create("https://gpu.act.buaa.edu.cn.invalid"));
        PlatformException unknown = assertThrows(PlatformException.class, nowhere::authMode);

        assertEquals(PlatformException.Kind.CONNECTION, unknown.kind());
        assertEquals(ConnectionFailure.HOST_NOT_FOUND, unknown.connectionFailure());
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsATlsFailure() throws Exception {
        // Answers the TLS hello with plain text, like a plain HTTP server on port 443; every
        // connection, since the client may try a GET twice.
        ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread answerer = new Thread(() -> {
            while (!plain.isClosed()) {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read(new byte[512]);
                } catch (IOException e) {
                    // closed at the end of the test, or the client hung up
                }
            }
        });
        answerer.start();
        try {
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort());

            PlatformException tls = assertThrows(PlatformException.class, () -> new PlatformClient(https).authMode());

            assertEquals(PlatformException.Kind.CONNECTION, tls.kind());
            assertEquals(ConnectionFailure.TLS, tls.connectionFailure(), tls.getMessage());
        } finally {
            plain.close();
            answerer.join();
        }
    }

    @Test
    void anAddressIsNormalised() {
        assertEquals(URI.create("https://gpu.act.buaa.edu.cn"), PlatformClient.parseAddress("gpu.act.buaa.edu.cn"));
        assertEquals(URI.create("https://gpu.act.buaa.edu.cn"), PlatformClient.parseAddress(" https://gpu.act.buaa.edu.cn/portal/env "));
        assertEquals(URI.create("http://127.0.0.1:8099"), PlatformClient.parseAddress("http://127.0.0.1:8099/"));
        assertThrows(IllegalArgumentException.class, () -> PlatformClient.parseAddress("ftp://example.org"));
        assertThrows(IllegalArgumentException.class, () -> PlatformClient.parseAddress("https://user:pw@example.org"));
        assertThrows(IllegalArgumentException.class, () -> PlatformClient.parseAddress("not an address"));
    }

    @Test
    void plainHttpIsOnlyForThisComputerUnlessAllowed() {
        // Issue 13, item 2: http://203.0.113.5 took the platform password and gave tokens in clear.
        // Loopback keeps plain http, the rule HarborAddress applies (Docker talks http to loopback registries).
        PlainHttpRefusedException refused = assertThrows(PlainHttpRefusedException.class,
                () -> PlatformClient.parseAddress("http://203.0.113.5"));
        assertEquals(URI.create("http://203.0.113.5"), refused.address());
        assertThrows(PlainHttpRefusedException.class, () -> PlatformClient.parseAddress("HTTP://gpu.act.buaa.edu.cn/portal"));
        assertEquals(URI.create("http://localhost:8099"), PlatformClient.parseAddress("http://localhost:8099"));
        assertEquals(URI.create("http://[::1]:8099"), PlatformClient.parseAddress("http://[::1]:8099"));
        assertEquals(URI.create("http://203.0.113.5"), PlatformClient.parseAddress("http://203.0.113.5", true));
        assertTrue(PlatformClient.isPlainHttpToAnotherHost(URI.create("http://203.0.113.5")));
        assertFalse(PlatformClient.isPlainHttpToAnotherHost(URI.create("http://127.0.0.2:80")));
        assertFalse(PlatformClient.isPlainHttpToAnotherHost(URI.create("https://203.0.113.5")));
    }

    @Test
    void theMessageNamesTheCallStatusCodeAndPlatformMessage() {
        PlatformException wrong = assertThrows(PlatformException.class,
                () -> fixture.client.signIn(FakePlatformFixture.USER, "wrong-password-123"));
        assertEquals("POST /api/auth/login: HTTP 401, code 40111: Invalid username or password", wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-password-123"));
    }
}
