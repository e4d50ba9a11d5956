package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.registry.RegistryException;
import io.github.harborupload.registry.RegistryException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pusher's own client's failures, named precisely (issue 17: a gateway's timeout is not
 * "cannot reach Harbor"). The words are Harbor's and the stack's gateway's (registry-push.md).
 */
class RegistryProblemsTest {

    private static ProblemType typeOf(Kind kind, int status, String words) {
        return Problems.of(new RegistryException(kind, status, -1, words, null)).type();
    }

    @Test
    void eachKindIsItsProblem() {
        assertEquals(ProblemType.LOGIN_FAILED, typeOf(Kind.AUTH_REFUSED, 401, "the token service refused the login of alice"));
        assertEquals(ProblemType.QUOTA_EXCEEDED, typeOf(Kind.QUOTA, 403, "DENIED: adding 29.0 MiB of storage resource, "
                + "which when updated to current usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB."));
        assertEquals(ProblemType.PUSH_DENIED, typeOf(Kind.DENIED, 403, "DENIED: requested access to the resource is denied"));
        assertEquals(ProblemType.GATEWAY_TIMEOUT_LAYER_MISSING, typeOf(Kind.GATEWAY_TIMEOUT, 0,
                "the blob was sent 3 times and is still not in user-alice/app: HTTP 504 PUT http://h/v2/…: 504 Gateway Time-out"));
        assertEquals(ProblemType.REGISTRY_UNAVAILABLE, typeOf(Kind.UNAVAILABLE, 503, "HTTP 503 PATCH http://h/v2/…"));
        assertEquals(ProblemType.REGISTRY_UNREACHABLE, typeOf(Kind.NETWORK, 0, "PATCH http://h/v2/…: ConnectException"));
        assertEquals(ProblemType.REGISTRY_NOT_FOUND, typeOf(Kind.HOST_NOT_FOUND, 0, "GET https://harbor.example/v2/"));
        assertEquals(ProblemType.TLS_CERTIFICATE, typeOf(Kind.TLS, 0, "SSLHandshakeException"));
    }

    @Test
    void a413NamesTheSizeTheGatewayRefused() {
        Problem problem = Problems.of(new RegistryException(Kind.BODY_TOO_LARGE, 413, 2 << 20,
                "a gateway refuses even 262144-byte chunks: HTTP 413", null));

        assertEquals(ProblemType.PROXY_BODY_TOO_LARGE, problem.type());
        String causes = new Translator(Language.ENGLISH).text(problem.causes().get(0));
        assertTrue(causes.contains(Sizes.bytes(2 << 20)), causes);
        assertTrue(causes.contains("gateway refused"), causes);
    }

    @Test
    void aLayerFoundAfterTheGatewaysTimeoutIsANoteNotAFailure() {
        String first = "sha256:" + "a".repeat(64);
        String second = "sha256:" + "b".repeat(64);
        Problem note = Problems.ofLayersStoredAfterGatewayTimeout(List.of(first, second), ProblemContext.none());

        assertEquals(Severity.INFO, note.type().severity());
        // PushSnapshot.storedAfterGatewayTimeout: one note for the push, naming each such layer.
        Translator english = new Translator(Language.ENGLISH);
        assertEquals("The layer: " + first, english.text(note.causes().get(0)));
        assertEquals("The layer: " + second, english.text(note.causes().get(1)));
        for (Language language : Language.values()) {
            String cause = new Translator(language).text(note.causes().get(note.causes().size() - 1));
            assertTrue(cause.contains("504"), cause);
        }
    }
}
