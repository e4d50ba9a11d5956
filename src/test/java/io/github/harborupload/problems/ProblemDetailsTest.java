package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushFailedException;
import io.github.harborupload.docker.RegistryLoginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detail shows the engine's text as it is, except anything that looks like a secret. */
class ProblemDetailsTest {

    private static final String SECRET = "s3cret-Pa55";

    @ParameterizedTest
    @ValueSource(strings = {
            "request failed: Authorization: Basic dGVzdHVzZXI6czNjcmV0LVBhNTU=",
            "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl",
            "bad body {\"username\":\"alice\",\"password\":\"s3cret-Pa55\",\"serveraddress\":\"h\"}",
            "bad body {\"username\": \"alice\", \"Password\" : \"s3cret-Pa55 with \\\" quote\"}",
            "header X-Registry-Auth: eyJ1c2VybmFtZSI6ImFsaWNlIiwicGFzc3dvcmQiOiJzM2NyZXQtUGE1NSJ9",
            "Get \"https://alice:s3cret-Pa55@gpu-harbor.act.buaa.edu.cn/v2/\": dial tcp 10.0.0.1:443: i/o timeout",
            // Issue 13, item 5: the platform's token keys in any case, and a value an excerpt cut short.
            "no envelope: {\"code\":\"0\",\"data\":{\"accessToken\":\"s3cret-Pa55\",\"RefreshToken\":\"s3cret-Pa55\"}}",
            "answer {\"harborSecret\": \"s3cret-Pa55\", \"X-Password\":\"s3cret-Pa55\"}",
            "no envelope: {\"data\":{\"password\":\"s3cret-Pa55"})
    void secretsAreHidden(String text) {
        String detail = Problems.ofMessage(text, ProblemContext.none()).detail();
        assertFalse(detail.contains(SECRET), detail);
        assertFalse(detail.contains("dGVzdHVzZXI6czNjcmV0LVBhNTU="), detail);
        assertFalse(detail.contains("eyJ1c2VybmFtZSI6"), detail);
        assertFalse(detail.contains("c2lnbmF0dXJl"), detail);
        assertTrue(detail.contains("***"), detail);
    }

    @Test
    void secretsAreHiddenInExceptionsToo() {
        Problem problem = Problems.of(new RegistryLoginException("h", "login failed",
                new IllegalStateException("sent {\"password\":\"" + SECRET + "\"}")));
        assertFalse(problem.detail().contains(SECRET), problem.detail());
        assertEquals("login failed\ncaused by java.lang.IllegalStateException: sent {\"password\":\"***\"}", problem.detail());
    }

    @Test
    void onlyTheSecretValueIsHidden() {
        // The keys stay, so the detail still says what the answer held.
        assertEquals("{\"accessToken\":\"***\",\"expiresIn\":300,\"msg\":\"my token expired\"}",
                Problems.ofMessage("{\"accessToken\":\"" + SECRET + "\",\"expiresIn\":300,\"msg\":\"my token expired\"}",
                        ProblemContext.none()).detail());
        assertEquals("cut: {\"refreshToken\":\"***\"", Problems.ofMessage("cut: {\"refreshToken\":\"" + SECRET.substring(0, 4),
                ProblemContext.none()).detail());
    }

    @Test
    void theRestStaysVerbatim() {
        String hidden = Problems.ofMessage(
                "Get \"https://alice:" + SECRET + "@h:5000/v2/\": x509: certificate signed by unknown authority",
                ProblemContext.none()).detail();
        assertEquals("Get \"https://alice:***@h:5000/v2/\": x509: certificate signed by unknown authority", hidden);
        assertEquals(ProblemType.TLS_CERTIFICATE, Problems.ofMessage(hidden, ProblemContext.none()).type());
        for (String text : new String[] {
                "no basic auth credentials",
                "Bad parameters and missing X-Registry-Auth: EOF",
                "Basic Authentication required",
                "unauthorized: authentication required",
                "login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized"}) {
            assertEquals(text, Problems.of(new PushFailedException(text)).detail());
        }
    }
}
