package io.github.harborupload.harbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.InMemoryRegistry;
import io.github.harborupload.platformserver.RecordedRequest;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.registry.ConnectionFailure;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Harbor client against the fake Harbor API. Sources: goharbor/harbor api/v2.0/swagger.yaml,
 * src/server/v2.0/handler/user.go (401, 412), src/core/auth/authenticator.go (frozenTime),
 * src/server/middleware/security/basic_auth.go (a wrong login is anonymous),
 * src/pkg/quota/types/resources.go (UNLIMITED = -1), src/controller/artifact/controller.go.
 */
class HarborClientContractTest {

    private static final Credential ALICE = new Credential("alice", "Ab3dE_fG-h1JkLmNoPq2");
    private static final Credential WRONG = new Credential("alice", "not-her-password");

    private final InMemoryRegistry registry = new InMemoryRegistry("harbor.test");
    private FakePlatform server;

    @BeforeEach
    void start() throws Exception {
        registry.setPassword(ALICE.username(), ALICE.password());
        server = FakePlatform.start(ServerVersion.CURRENT, registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HarborClient client(Credential credential) {
        return new HarborClient(server.address(), credential);
    }

    @Test
    void theOwnerSeesTheQuotaByProjectName() throws Exception {
        server.harbor().project("user-alice", "alice", 40L << 30, 123_456_789L);

        StorageQuota quota = client(ALICE).projectQuota("user-alice").value();

        assertEquals(new StorageQuota(123_456_789L, 40L << 30), quota);
        assertEquals((40L << 30) - 123_456_789L, quota.freeBytes().getAsLong());
        assertTrue(quota.fits(1L << 30));
        assertFalse(quota.fits(40L << 30));
        RecordedRequest request = server.requests("GET", "/api/v2.0/projects/user-alice/summary").get(0);
        assertEquals("true", request.header("X-Is-Resource-Name"));
    }

    @Test
    void minusOneIsUnlimited() throws Exception {
        server.harbor().project("user-alice", "alice", -1, 5L << 30);
        StorageQuota quota = client(ALICE).projectQuota("user-alice").value();
        assertTrue(quota.unlimited());
        assertTrue(quota.freeBytes().isEmpty());
        assertTrue(quota.fits(Long.MAX_VALUE / 2));
    }

    @Test
    void aSummaryWithoutQuotaSkipsTheCheck() throws Exception {
        server.harbor().project("user-alice", "alice", 40L << 30, 0).hideQuota("user-alice");
        HarborCheck<StorageQuota> hidden = client(ALICE).projectQuota("user-alice");
        assertFalse(hidden.isAnswered());
        assertTrue(hidden.skipReason().orElseThrow().contains("no quota"));
        assertThrows(NoSuchElementException.class, hidden::value);

        // A wrong login is anonymous in Harbor, and the anonymous may not read the quota.
        server.harbor().project("user-alice", "alice", 40L << 30, 0);
        assertFalse(client(WRONG).projectQuota("user-alice").isAnswered());
    }

    @Test
    void aMissingProjectIsProjectNotFound() {
        HarborException missing = assertThrows(HarborException.class, () -> client(ALICE).projectQuota("user-nobody"));
        assertEquals(HarborException.Kind.PROJECT_NOT_FOUND, missing.kind());
        assertEquals(404, missing.status());
        assertTrue(missing.getMessage().contains("project user-nobody not found"), missing.getMessage());
    }

    @Test
    void anArtifactExistsOrNot() throws Exception {
        registry.withManifest("user-alice/torch", "v1");
        assertTrue(client(ALICE).artifactExists("user-alice", "torch", "v1").value());
        assertFalse(client(ALICE).artifactExists("user-alice", "torch", "v2").value());
        assertTrue(client(null).artifactExists("user-alice", "torch", "v1").value(), "public projects need no login");
    }

    @Test
    void aNestedRepositoryIsEncodedTwice() throws Exception {
        registry.withManifest("user-alice/team/torch", "v1");

        assertTrue(client(ALICE).artifactExists("user-alice", "team/torch", "v1").value());

        assertEquals(List.of("/api/v2.0/projects/user-alice/repositories/team%252Ftorch/artifacts/v1"),
                server.requests().stream().map(RecordedRequest::rawPath).toList());
    }

    @Test
    void aPlainRegistrySkipsEveryCheck() throws Exception {
        server.harbor().plainRegistry(true);
        HarborClient plain = client(ALICE);

        assertFalse(plain.projectQuota("user-alice").isAnswered());
        HarborCheck<Boolean> exists = plain.artifactExists("user-alice", "torch", "v1");
        assertFalse(exists.isAnswered());
        assertTrue(exists.skipReason().orElseThrow().contains("404 page not found"), exists.toString());
    }

    @Test
    void aWebPageInsteadOfTheApiSkipsTheCheck() throws Exception {
        server.answerNext("GET", "/api/v2.0/projects/user-alice/summary", 200, "text/html", "<html><body>Welcome to nginx!</body></html>");
        assertFalse(client(ALICE).projectQuota("user-alice").isAnswered());
    }

    @Test
    void brokenAnswersSkipTheCheckOrFailNeverWithARawException() {
        String summary = "/api/v2.0/projects/user-alice/summary";
        for (String body : new String[] {
            "{\"quota\":{\"hard\":{\"storage\":",
            "{\"quota\":{\"hard\":{\"storage\":\"lots\"},\"used\":{\"storage\":[]}}}",
            "{\"quota\":{\"hard\":{\"storage\":1e400},\"used\":{\"storage\":-5}}}",
            "{\"quota\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}",
            "null",
            "[]"}) {
            server.answerNext("GET", summary, 200, "application/json", body);
            try {
                HarborCheck<StorageQuota> quota = client(ALICE).projectQuota("user-alice");
                assertTrue(quota.isAnswered() || quota.skipReason().isPresent(), quota.toString());
            } catch (HarborException failure) {
                assertFalse(failure.getMessage().isBlank());
            }
        }
    }

    @Test
    void aHarborErrorIsAFailure() {
        server.answerNext("GET", "/api/v2.0/projects/user-alice/summary", 500, "application/json",
                "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"internal error\"}]}");
        HarborException failed = assertThrows(HarborException.class, () -> client(ALICE).projectQuota("user-alice"));
        assertEquals(HarborException.Kind.SERVER_ERROR, failed.kind());
        assertTrue(failed.getMessage().contains("internal error"));

        server.answerNext("GET", "/api/v2.0/projects/user-alice/repositories/torch/artifacts/v1", 401, "application/json",
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized\"}]}");
        HarborException unauthorized = assertThrows(HarborException.class,
                () -> client(ALICE).artifactExists("user-alice", "torch", "v1"));
        assertEquals(HarborException.Kind.UNAUTHORIZED, unauthorized.kind());
    }

    @Test
    void noConnectionIsAFailureThatSaysWhy() throws Exception {
        URI closed;
        try (FakePlatform gone = FakePlatform.start(ServerVersion.CURRENT, registry)) {
            closed = gone.address();
        }
        HarborException refused = assertThrows(HarborException.class,
                () -> new HarborClient(closed, ALICE).projectQuota("user-alice"));
        assertEquals(HarborException.Kind.CONNECTION, refused.kind());
        assertEquals(ConnectionFailure.UNREACHABLE, refused.connectionFailure());
        assertFalse(refused.getMessage().contains(ALICE.password()));
    }
}
