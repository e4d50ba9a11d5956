package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.TestStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the stack's real distribution registry (docker-registry 2.8, basic auth) and
 * its deny proxy (Harbor's refusals: scripts/stack.sh). Sources: OCI distribution-spec v1.1 for the
 * calls, docker's image manifest schema 2 for the manifest.
 */
class RegistryClientIT {

    /** Small chunks, so a few MiB is several PATCHes. */
    static final RegistrySettings SMALL_CHUNKS = new RegistrySettings(512 << 10, 64 << 10, 4, Duration.ofMillis(200),
            Duration.ofSeconds(2), Duration.ofSeconds(20), 3, Duration.ofSeconds(20), Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofSeconds(5));

    private static TestStack stack;

    @BeforeAll
    static void requireStack() {
        stack = TestStack.require();
    }

    static RegistryClient client(String registry, String repository, Credential login) throws RegistryException {
        // The stack's registries listen on loopback over http, which docker treats as insecure: https
        // is tried first and refused at once, then http.
        return new RegistryClient(RegistryEndpoint.of(registry, true, Map.of(), Path.of("/nonexistent")),
                repository, login, SMALL_CHUNKS);
    }

    private Credential login() {
        return new Credential(stack.user(), stack.password());
    }

    @Test
    void aBlobSentInChunksComesBackWhole() throws Exception {
        RegistryClient client = client(stack.registry(), TestStack.uniqueRepository("registry-it/blobs"), login());
        byte[] bytes = BlobUploaderTest.random((3 << 20) + 12345);
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertEquals(BlobSource.sha256(bytes), blob.digest());
        assertEquals(bytes.length, client.blobSize(blob.digest()).orElseThrow());
        assertArrayEquals(bytes, client.blob(blob.digest(), bytes.length));
        assertTrue(events.seen.stream().noneMatch(e -> e.startsWith("retrying")), events.seen.toString());
    }

    @Test
    void aTinyImagePutByManifestIsReadBackAsAPullWouldSeeIt() throws Exception {
        String repository = TestStack.uniqueRepository("registry-it/image");
        RegistryClient client = client(stack.registry(), repository, login());
        byte[] layer = BlobUploaderTest.random(700_000);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + BlobSource.sha256(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        UploadedBlob layerBlob = new BlobUploader(client).upload(BlobSource.of(layer), UploadListener.NONE);
        UploadedBlob configBlob = new BlobUploader(client).upload(BlobSource.of(config), UploadListener.NONE);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + RegistryClient.DOCKER_MANIFEST_V2 + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + configBlob.size() + ",\"digest\":\"" + configBlob.digest() + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":"
                + layerBlob.size() + ",\"digest\":\"" + layerBlob.digest() + "\"}]}").getBytes(StandardCharsets.UTF_8);

        String digest = client.putManifest("v1", manifest, RegistryClient.DOCKER_MANIFEST_V2);

        RegistryManifest read = client.manifest("v1").orElseThrow();
        assertArrayEquals(manifest, read.bytes());
        assertEquals(digest, read.digest());
        assertEquals(RegistryClient.DOCKER_MANIFEST_V2, read.mediaType());
        assertEquals(read.digest(), client.manifest(digest).orElseThrow().digest());
        assertArrayEquals(config, client.blob(configBlob.digest(), 1 << 16));
        assertEquals(java.util.List.of("v1"), client.tags());
    }

    @Test
    void aBlobIsMountedFromAnotherRepositoryOfTheUser() throws Exception {
        String from = TestStack.uniqueRepository("registry-it/mount-from");
        RegistryClient source = client(stack.registry(), from, login());
        UploadedBlob blob = new BlobUploader(source).upload(BlobSource.of(BlobUploaderTest.random(100_000)),
                UploadListener.NONE);
        RegistryClient target = client(stack.registry(), TestStack.uniqueRepository("registry-it/mount-to"), login());

        assertTrue(target.blobSize(blob.digest()).isEmpty());
        assertTrue(target.mount(blob.digest(), from));
        assertEquals(100_000L, target.blobSize(blob.digest()).orElseThrow());
        assertEquals(java.util.List.of(), target.tags());
    }

    @Test
    void aSelfSignedRegistryIsTrustedThroughTheUsersCertsDFolderAsDockerDoes(@TempDir Path home) throws Exception {
        String tls = stack.requireTlsRegistry();
        String repository = TestStack.uniqueRepository("registry-it/tls");
        RegistryException untrusted = assertThrows(RegistryException.class, () -> new RegistryClient(
                RegistryEndpoint.of(tls, false, Map.of(), home), repository, login(), SMALL_CHUNKS)
                .blobSize(BlobSource.sha256(new byte[1])));
        assertEquals(RegistryException.Kind.TLS, untrusted.kind(), untrusted.getMessage());

        Path certs = Files.createDirectories(home.resolve(".docker/certs.d").resolve(tls));
        Files.copy(stack.tlsCa(), certs.resolve("ca.crt"));
        RegistryClient client = new RegistryClient(RegistryEndpoint.of(tls, false, Map.of(), home), repository, login(),
                SMALL_CHUNKS);
        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(BlobUploaderTest.random(1 << 20)),
                UploadListener.NONE);

        assertEquals(1L << 20, client.blobSize(blob.digest()).orElseThrow());
    }

    @Test
    void anInsecureRegistryIsSpokenToOverUncheckedHttpsAndOverHttpOnlyWhenItHasNoHttps(@TempDir Path home)
            throws Exception {
        // moby registry/service.go (an insecure registry's endpoints: https with InsecureSkipVerify,
        // then http) and distribution/push.go (the next endpoint only after a failure without an answer).
        String tls = stack.requireTlsRegistry();
        RegistryClient unchecked = new RegistryClient(RegistryEndpoint.of(tls, true, Map.of(), home),
                TestStack.uniqueRepository("registry-it/insecure-tls"), login(), SMALL_CHUNKS);
        UploadedBlob overTls = new BlobUploader(unchecked).upload(BlobSource.of(BlobUploaderTest.random(300_000)),
                UploadListener.NONE);
        assertEquals(URI.create("https://" + tls), unchecked.base(), "no certs.d, no CA: the check is skipped");
        assertEquals(300_000L, unchecked.blobSize(overTls.digest()).orElseThrow());

        RegistryClient plain = client(stack.registry(), TestStack.uniqueRepository("registry-it/insecure-http"), login());
        UploadedBlob overHttp = new BlobUploader(plain).upload(BlobSource.of(BlobUploaderTest.random(300_000)),
                UploadListener.NONE);
        assertEquals(URI.create("http://" + stack.registry()), plain.base());
        assertEquals(300_000L, plain.blobSize(overHttp.digest()).orElseThrow());
    }

    @Test
    void harborsDenialAndQuotaFailAtOnceWithTheirWords() throws Exception {
        RegistryClient locked = client(stack.denyRegistry(), TestStack.uniqueRepository("locked/app"), login());
        RegistryException denied = assertThrows(RegistryException.class,
                () -> new BlobUploader(locked).upload(BlobSource.of(new byte[1000]), UploadListener.NONE));
        assertEquals(RegistryException.Kind.DENIED, denied.kind());
        assertTrue(denied.getMessage().contains("requested access to the resource is denied"), denied.getMessage());

        RegistryClient full = client(stack.denyRegistry(), TestStack.uniqueRepository("quota/app"), login());
        RegistryException quota = assertThrows(RegistryException.class,
                () -> new BlobUploader(full).upload(BlobSource.of(new byte[1000]), UploadListener.NONE));
        assertEquals(RegistryException.Kind.QUOTA, quota.kind());
        assertTrue(quota.getMessage().contains("will exceed the configured upper limit"), quota.getMessage());
        assertTrue(!quota.getMessage().contains(stack.password()), quota.getMessage());
    }
}
