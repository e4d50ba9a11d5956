package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uploader through the stack's hostile gateway in front of Harbor's token registry
 * (scripts/stack.sh: nginx with a 3 s read timeout and a 32 MiB body limit; the Harbor core
 * stand-in with 5 s tokens, slow commits and a cut PATCH). The same gateway makes {@code docker push}
 * fail (docker.GatewayFaultsIT); here each blob arrives, committed once.
 */
class GatewayUploadIT {

    private static final int MIB = 1 << 20;
    private static final Duration HANG_GUARD = Duration.ofSeconds(180);

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;

    private final GatewayFaults faults = new GatewayFaults(stack);

    @BeforeAll
    static void requireStack() {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
    }

    @AfterEach
    void clearFaults() {
        faults.close();
    }

    /** {@code user-testuser/…}: where Harbor's token service grants testuser push. */
    private static String repository(String name) {
        return "user-" + stack.user() + "/" + TestStack.uniqueRepository(name);
    }

    private static RegistryClient throughGateway(String repository, RegistrySettings settings) throws RegistryException {
        return through(harbor.gateway(), repository, settings);
    }

    private static RegistryClient through(String gateway, String repository, RegistrySettings settings)
            throws RegistryException {
        return new RegistryClient(RegistryEndpoint.of(gateway, true, Map.of(), Path.of("/nonexistent")),
                repository, new Credential(stack.user(), stack.password()), settings);
    }

    private static RegistrySettings settings(int chunkSize) {
        return new RegistrySettings(chunkSize, 256 << 10, 5, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(60), 3, Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
    }

    /** Upload sessions the registry opened in the repository (the stand-in's log is the whole stack's). */
    private long sessionsOpened(String repository) {
        String uploads = "/v2/" + repository + "/blobs/uploads/";
        return faults.requests().stream().filter(r -> r[0].equals("POST") && r[3].startsWith(uploads)).count();
    }

    private void assertCommittedOnce(String repository, UploadedBlob blob) {
        Map<String, Integer> commits = faults.commitsIn(repository);
        assertEquals(Map.of(blob.digest(), 1), commits, "commits seen by the registry");
    }

    @Test
    void aBlobOverTheBodyLimitGoesInSmallerChunksAfterOne413() throws Exception {
        String repository = repository("gateway-upload-it/body-limit");
        // 64 MiB chunks are over nginx's client_max_body_size 32m; the 40 MiB blob is one such PATCH.
        RegistryClient client = throughGateway(repository, settings(64 * MIB));
        byte[] bytes = BlobUploaderTest.random(40 * MIB);
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD,
                () -> new BlobUploader(client).upload(BlobSource.of(bytes), events));

        assertEquals(40L * MIB, client.bodyLimitSeen().getAsLong());
        assertEquals(20 * MIB, client.chunkSize());
        assertTrue(events.any("chunk " + 20 * MIB), events.seen.toString());
        assertEquals(bytes.length, client.blobSize(blob.digest()).orElseThrow());
        assertCommittedOnce(repository, blob);
        // nginx refused by the length alone: no refused body reached the registry.
        assertTrue(faults.requests().stream().noneMatch(r -> r[0].equals("PATCH") && r[2].equals(String.valueOf(40 * MIB))));
    }

    @Test
    void aGatewayThatBuffersEachRequestStillTakesTheChunks() throws Exception {
        String repository = repository("gateway-upload-it/buffering");
        // ingress-nginx's way: each PATCH is held whole before Harbor sees a byte; chunks keep that small.
        RegistryClient client = through(harbor.bufferingGateway(), repository, settings(4 * MIB));
        byte[] bytes = BlobUploaderTest.random(10 * MIB);

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD,
                () -> new BlobUploader(client).upload(BlobSource.of(bytes), UploadListener.NONE));

        assertEquals(bytes.length, client.blobSize(blob.digest()).orElseThrow());
        assertCommittedOnce(repository, blob);
    }

    @Test
    void aCommitSlowerThanTheGatewaysTimeoutIsCheckedWithHeadAndNotSentAgain() throws Exception {
        String repository = repository("gateway-upload-it/slow-commit");
        RegistryClient client = throughGateway(repository, settings(MIB));
        // Harbor on object storage moving the blob: 6 s, past the gateway's proxy_read_timeout 3s.
        faults.delayCommits(Duration.ofSeconds(6));
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD,
                () -> new BlobUploader(client).upload(BlobSource.of(BlobUploaderTest.random(3 * MIB)), events));

        assertTrue(blob.foundAfterFailedCommit());
        assertTrue(events.any("checking HTTP 504"), events.seen.toString());
        assertCommittedOnce(repository, blob);
    }

    @Test
    void fiveSecondTokensAreRenewedDuringASlowUpload() throws Exception {
        String repository = repository("gateway-upload-it/slow-tokens");
        RegistryClient client = throughGateway(repository, settings(512 << 10));
        byte[] bytes = BlobUploaderTest.random(3 * MIB);
        GrowingSource source = new GrowingSource(bytes);
        // The spool fills slowly (a slow compression): 12 s for the blob, over two tokens' lifetimes.
        Thread writer = new Thread(() -> {
            try {
                for (int step = 1; step <= 6; step++) {
                    source.grow(step * bytes.length / 6);
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD, () -> new BlobUploader(client).upload(source,
                UploadListener.NONE));
        writer.join();

        // Renewed at least once on its own, ahead of expiry (4 s into each 5 s token): no 401 needed.
        assertTrue(client.tokensFetched() >= 2, "tokens fetched: " + client.tokensFetched());
        assertCommittedOnce(repository, blob);
    }

    @Test
    void aGatewayAnswering503ForAWhileIsWaitedOutInTheSameSession() throws Exception {
        String repository = repository("gateway-upload-it/unavailable");
        RegistryClient client = throughGateway(repository, settings(MIB));
        byte[] bytes = BlobUploaderTest.random(4 * MIB);
        GrowingSource source = new GrowingSource(bytes);
        source.grow(2 * MIB);
        BlobUploader uploader = new BlobUploader(client);
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();
        // The gateway's 503 switch goes on once two chunks are held, and off again 1.5 s later.
        Thread outage = new Thread(() -> {
            try {
                while (uploader.session().map(UploadSession::offset).orElse(0L) < 2L * MIB) {
                    Thread.sleep(20);
                }
                faults.unavailable(true);
                source.grow(bytes.length);
                Thread.sleep(1500);
                faults.unavailable(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outage.start();

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD, () -> uploader.upload(source, events));
        outage.join();

        assertTrue(events.any("retrying SERVER_ERROR HTTP 503"), events.seen.toString());
        assertEquals(1, sessionsOpened(repository));
        assertEquals(bytes.length, client.blobSize(blob.digest()).orElseThrow());
        assertCommittedOnce(repository, blob);
    }

    @Test
    void aProjectThatIsNotTheUsersIsDeniedNotALoginFailure() throws Exception {
        // Harbor's token service grants push only under user-<name>/; the registry then answers 401
        // with error="insufficient_scope" although the login is right.
        RegistryClient client = throughGateway(TestStack.uniqueRepository("someone-else/app"), settings(MIB));

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(new byte[1000]), UploadListener.NONE));

        assertEquals(RegistryException.Kind.DENIED, failure.kind(), failure.getMessage());
    }

    @Test
    void aCutInsideAChunkMakesANewSessionFromTheStartAndTheBlobArrivesOnce() throws Exception {
        String repository = repository("gateway-upload-it/cut");
        RegistryClient client = throughGateway(repository, settings(MIB));
        faults.cutNextPatchAfter(300_000);
        BlobUploaderTest.Events events = new BlobUploaderTest.Events();

        UploadedBlob blob = assertTimeoutPreemptively(HANG_GUARD,
                () -> new BlobUploader(client).upload(BlobSource.of(BlobUploaderTest.random(3 * MIB)), events));

        // distribution 2.8 kept the cut chunk's first bytes, so the session's offsets no longer match.
        assertTrue(events.any("retrying NEW_SESSION"), events.seen.toString());
        assertEquals(2, sessionsOpened(repository));
        assertCommittedOnce(repository, blob);
    }
}
