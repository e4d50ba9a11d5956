package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.SecretSearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's calls and auth against the in-memory registry. Sources: distribution's token spec
 * (docs/spec/auth/token.md: the challenge, expires_in, 60 s default), OCI distribution-spec v1.1
 * (HEAD, mount, manifests), registry-push.md ("Auth like Harbor": renewal ahead and after a 401).
 */
class RegistryClientTest {

    private FakeRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    RegistryClient client(FakeRegistry.Auth auth, Credential login, Clock clock) throws Exception {
        registry = new FakeRegistry(auth);
        return new RegistryClient(RegistryEndpoint.plainHttp(registry.host()),
                "user-alice/app", login, BlobUploaderTest.FAST, clock);
    }

    @Test
    void aBearerTokenIsAskedOnceWithTheLoginAndRenewedBeforeItRunsOut() throws Exception {
        MovableClock clock = new MovableClock();
        RegistryClient client = client(FakeRegistry.Auth.BEARER, BlobUploaderTest.LOGIN, clock);
        registry.tokenLifetimeSeconds = 300;
        String digest = BlobSource.sha256("x".getBytes(StandardCharsets.UTF_8));

        client.blobSize(digest);
        client.blobSize(digest);
        assertEquals(1, registry.tokensIssued.get());
        FakeRegistry.Request tokenRequest = registry.requests("GET").stream()
                .filter(r -> r.path().equals("/token")).findFirst().orElseThrow();
        assertTrue(tokenRequest.query().contains("service=harbor-registry"), tokenRequest.query());
        assertTrue(tokenRequest.query().contains("scope=repository%3Auser-alice%2Fapp%3Apull%2Cpush"), tokenRequest.query());

        // A fifth of the lifetime (at most a minute) before the end, a new token is asked first.
        clock.now = clock.now.plus(Duration.ofSeconds(239));
        client.blobSize(digest);
        assertEquals(1, registry.tokensIssued.get());
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        client.blobSize(digest);
        assertEquals(2, registry.tokensIssued.get());
    }

    @Test
    void aRefusedLoginAtTheTokenServiceNamesTheUserAndNeverThePassword() throws Exception {
        Credential wrong = new Credential(FakeRegistry.USER, "wrong-Password-123");
        RegistryClient client = client(FakeRegistry.Auth.BEARER, wrong, Clock.systemUTC());

        RegistryException failure = assertThrows(RegistryException.class,
                () -> client.blobSize(BlobSource.sha256(new byte[1])));

        assertEquals(RegistryException.Kind.AUTH_REFUSED, failure.kind());
        assertTrue(failure.getMessage().contains(FakeRegistry.USER), failure.getMessage());
        // The fake echoes the Authorization header it got: masked (base64 of user:password).
        assertTrue(failure.getMessage().contains("invalid credentials"), failure.getMessage());
        SecretSearch search = new SecretSearch(List.of("wrong-Password-123"));
        assertTrue(search.in("message", failure.getMessage()).isEmpty(), failure.getMessage());
    }

    @Test
    void aWrongBasicPasswordIsRefusedWithoutARetryLoop() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC, new Credential("alice", "nope-nope"), Clock.systemUTC());

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(new byte[10]), UploadListener.NONE));

        assertEquals(RegistryException.Kind.AUTH_REFUSED, failure.kind());
        assertEquals(1, registry.requests("POST").size());
    }

    @Test
    void headTellsTheSizeOrNothing() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC, BlobUploaderTest.LOGIN, Clock.systemUTC());
        byte[] bytes = BlobUploaderTest.random(1234);
        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), UploadListener.NONE);

        assertEquals(1234L, client.blobSize(blob.digest()).orElseThrow());
        assertTrue(client.blobSize(BlobSource.sha256(new byte[3])).isEmpty());
        assertArrayEquals(bytes, client.blob(blob.digest(), 4096));
        RegistryException tooBig = assertThrows(RegistryException.class, () -> client.blob(blob.digest(), 100));
        assertEquals(RegistryException.Kind.PROTOCOL, tooBig.kind());
    }

    @Test
    void aMountTheRegistryAnswersWithASessionLeavesNoSessionOpen() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC, BlobUploaderTest.LOGIN, Clock.systemUTC());
        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(new byte[100]), UploadListener.NONE);

        assertTrue(client.mount(blob.digest(), "user-alice/other"));
        assertFalse(client.mount(BlobSource.sha256(new byte[7]), "user-alice/other"));
        // The session the registry opened instead was cancelled, not left to linger.
        assertEquals(1, registry.requests("DELETE").size());
    }

    @Test
    void aManifestIsPutAndReadBackWithItsDigestChecked() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC, BlobUploaderTest.LOGIN, Clock.systemUTC());
        byte[] manifest = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);

        String digest = client.putManifest("v1", manifest, RegistryClient.DOCKER_MANIFEST_V2);

        assertEquals(BlobSource.sha256(manifest), digest);
        RegistryManifest read = client.manifest("v1").orElseThrow();
        assertArrayEquals(manifest, read.bytes());
        assertEquals(RegistryClient.DOCKER_MANIFEST_V2, read.mediaType());
        assertEquals(digest, read.digest());
        assertTrue(client.manifest("v2").isEmpty());
        FakeRegistry.Request put = registry.requests("PUT").get(0);
        assertEquals(RegistryClient.DOCKER_MANIFEST_V2, put.header("Content-Type"));
    }

    @Test
    void requestsGoThroughTheProxyTheEnvironmentNames() throws Exception {
        registry = new FakeRegistry(FakeRegistry.Auth.BASIC);
        // A name that resolves nowhere: only the proxy (the fake, which serves absolute-form requests) reaches it.
        RegistryEndpoint endpoint = RegistryEndpoint.of("harbor.example.invalid:5000", true,
                Map.of("HTTP_PROXY", "http://" + registry.host()), Path.of("/nonexistent"));
        RegistryClient client = new RegistryClient(endpoint, "user-alice/app", BlobUploaderTest.LOGIN,
                BlobUploaderTest.FAST);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(new byte[2000]), UploadListener.NONE);

        assertEquals(2000L, client.blobSize(blob.digest()).orElseThrow());
        assertTrue(registry.requests("PATCH").get(0).headers().get("host").startsWith("harbor.example.invalid"));
    }

    @Test
    void noSecretInTheTextsThatLeaveTheClient() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BEARER, BlobUploaderTest.LOGIN, Clock.systemUTC());
        registry.patchDenied = "denied: requested access to the resource is denied";
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(new byte[10]), events));

        assertEquals(RegistryException.Kind.DENIED, failure.kind());
        List<String> secrets = new java.util.ArrayList<>(client.secrets());
        assertTrue(secrets.size() >= 3, "password, its Basic value and the token");
        SecretSearch search = new SecretSearch(secrets);
        String texts = failure.getMessage() + events.seen + client.endpoint() + BlobUploaderTest.LOGIN;
        assertTrue(search.in("texts", texts).isEmpty(), texts);
    }
}
