package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The uploader against a registry in memory that behaves as distribution 2.8 does (FakeRegistry),
 * for the faults real parts cannot make on demand. Sources: OCI distribution-spec v1.1 (chunked
 * upload, Range, Location), distribution 2.8's blobupload.go (_state check, BLOB_UPLOAD_INVALID),
 * nginx (413 before the body), registry-push.md (commit 504 while the blob is stored).
 */
class BlobUploaderTest {

    static final int CHUNK = 64 << 10;
    static final RegistrySettings FAST = new RegistrySettings(CHUNK, 16 << 10, 4, Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMillis(300), 3, Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(2));
    static final Credential LOGIN = new Credential(FakeRegistry.USER, FakeRegistry.PASSWORD);

    private FakeRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    RegistryClient client(FakeRegistry.Auth auth) throws Exception {
        return client(auth, FAST);
    }

    RegistryClient client(FakeRegistry.Auth auth, RegistrySettings settings) throws Exception {
        registry = new FakeRegistry(auth);
        return new RegistryClient(RegistryEndpoint.plainHttp(registry.host()), "user-alice/app", LOGIN, settings);
    }

    /** Every event, as text, to assert on and to search for secrets. */
    static final class Events implements UploadListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void retrying(Retry reason, String detail) {
            seen.add("retrying " + reason + " " + detail);
        }

        @Override
        public void chunkSizeReduced(int newChunkSize, int refusedSize) {
            seen.add("chunk " + newChunkSize + " after " + refusedSize);
        }

        @Override
        public void checkingCommit(String why) {
            seen.add("checking " + why);
        }

        @Override
        public void committed(UploadedBlob blob) {
            seen.add("committed " + blob);
        }

        boolean any(String start) {
            return seen.stream().anyMatch(e -> e.startsWith(start));
        }
    }

    @Test
    void sendsChunksInOrderWithContentLengthAndNeverChunkedEncoding() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        byte[] bytes = random(3 * CHUNK + 1000);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), UploadListener.NONE);

        assertEquals(BlobSource.sha256(bytes), blob.digest());
        assertEquals(bytes.length, blob.size());
        assertFalse(blob.foundAfterFailedCommit());
        assertArrayEquals(bytes, registry.blob(blob.digest()));
        List<FakeRegistry.Request> patches = registry.requests("PATCH");
        assertEquals(4, patches.size());
        long start = 0;
        for (FakeRegistry.Request patch : patches) {
            // What the gateway sees on the wire: a length up front, no chunked transfer encoding.
            assertNull(patch.header("Transfer-Encoding"), patch.toString());
            assertEquals(String.valueOf(patch.bodyLength()), patch.header("Content-Length"));
            assertEquals("application/octet-stream", patch.header("Content-Type"));
            // JDK 17's client hangs when a gateway answers Expect: 100-continue with a 413 (BlobUploader.patch).
            assertNull(patch.header("Expect"), patch.toString());
            assertEquals(start + "-" + (start + patch.bodyLength() - 1), patch.header("Content-Range"));
            start += patch.bodyLength();
        }
        assertEquals(1, registry.requests("PUT").size());
    }

    @Test
    void followsAbsoluteLocations() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.NONE);
        registry.absoluteLocations = true;
        byte[] bytes = random(2 * CHUNK + 5);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), UploadListener.NONE);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(3, registry.requests("PATCH").size());
    }

    @Test
    void halvesTheChunkOn413AndKeepsItForTheRestOfThePush() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.bodyLimit = 40 << 10;
        Events events = new Events();
        byte[] bytes = random(3 * CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(CHUNK / 2, client.chunkSize());
        assertEquals(CHUNK, client.bodyLimitSeen().getAsLong());
        assertTrue(events.any("chunk " + CHUNK / 2 + " after " + CHUNK), events.seen.toString());
        // The next blob of the push starts at the smaller size: no 413 again.
        int refusals = registry.requests("PATCH").size() - 6;
        new BlobUploader(client).upload(BlobSource.of(random(CHUNK)), UploadListener.NONE);
        assertEquals(1, refusals);
        assertEquals(refusals + 6 + 2, registry.requests("PATCH").size());
    }

    @Test
    void aGatewayThatRefusesEvenTheSmallestChunkIsBodyTooLargeWithTheLimitSeen() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.NONE);
        registry.bodyLimit = 1000;

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(random(CHUNK)), UploadListener.NONE));

        assertEquals(RegistryException.Kind.BODY_TOO_LARGE, failure.kind());
        assertEquals(16 << 10, failure.bodyLimit().getAsLong());
        assertTrue(failure.getMessage().contains("413"), failure.getMessage());
    }

    @Test
    void a503BetweenChunksAsksTheStatusAndContinuesInTheSameSession() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.patchesBefore503 = 2;
        Events events = new Events();
        byte[] bytes = random(4 * CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(1, registry.requests("POST").size());
        assertEquals(1, registry.requests("GET").stream().filter(r -> r.path().contains("/blobs/uploads/")).count());
        assertEquals(5, registry.requests("PATCH").size());
        assertTrue(events.any("retrying SERVER_ERROR HTTP 503"), events.seen.toString());
    }

    @Test
    void aCutInsideAChunkMakesDistribution28DropTheSessionSoANewOneStartsFromZero() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.patchesBeforeCut = 2;
        Events events = new Events();
        byte[] bytes = random(4 * CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(2, registry.requests("POST").size());
        assertTrue(events.any("retrying NETWORK"), events.seen.toString());
        assertTrue(events.any("retrying NEW_SESSION"), events.seen.toString());
        assertEquals(1, registry.commits.get());
    }

    @Test
    void aCommitAnswered504WhileTheBlobWasStoredIsCheckedAndNotSentAgain() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.commits504Stored = 1;
        Events events = new Events();
        byte[] bytes = random(2 * CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertTrue(blob.foundAfterFailedCommit());
        assertEquals(1, registry.commits.get());
        assertEquals(1, registry.requests("POST").size());
        assertEquals(2, registry.requests("PATCH").size());
        assertTrue(registry.requests("HEAD").size() >= 1);
        assertTrue(events.any("checking HTTP 504"), events.seen.toString());
    }

    @Test
    void aCommitThatFailedAndLeftNoBlobSendsTheWholeBlobAgainAfterPolling() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.commits504Lost = 1;
        Events events = new Events();
        byte[] bytes = random(2 * CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), events);

        assertFalse(blob.foundAfterFailedCommit());
        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(2, registry.requests("POST").size());
        assertEquals(4, registry.requests("PATCH").size());
        assertTrue(events.any("retrying BLOB_ABSENT_AFTER_COMMIT"), events.seen.toString());
    }

    @Test
    void aBlobStillAbsentAfterEveryAttemptIsTheGatewaysTimeout() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.commits504Lost = 10;

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(random(CHUNK)), UploadListener.NONE));

        assertEquals(RegistryException.Kind.GATEWAY_TIMEOUT, failure.kind());
        assertEquals(FAST.maxBlobAttempts(), registry.requests("POST").size());
    }

    @Test
    void aCommitAnswered503IsSentAgainOnTheSameSession() throws Exception {
        // A 503 is said before the registry takes the commit: the session still holds every byte.
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.commits503 = 2;
        byte[] bytes = random(CHUNK);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), UploadListener.NONE);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(1, registry.requests("POST").size(), "no new session");
        assertEquals(1, registry.commits.get());
    }

    @Test
    void aCommitAnswered503ForAsLongAsChunksAreRetriedIsUnavailable() throws Exception {
        // Polling long enough that only the count of refusals ends it: on a loaded machine FAST's
        // 300 ms ran out first now and then, and the uploader rightly started a new session.
        RegistryClient client = client(FakeRegistry.Auth.BASIC, new RegistrySettings(CHUNK, 16 << 10, 4,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        registry.commits503 = 1000;

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(random(CHUNK)), UploadListener.NONE));

        assertEquals(RegistryException.Kind.UNAVAILABLE, failure.kind());
        assertEquals(1, registry.requests("POST").size(), "not minutes of polling and new sessions");
    }

    @Test
    void aTokenRevokedMidPushIsRenewedAndTheSameChunkSentAgain() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BEARER);
        byte[] bytes = random(4 * CHUNK);
        AtomicReference<Boolean> revoked = new AtomicReference<>(false);
        UploadListener revokeAfterTwoChunks = new UploadListener() {
            @Override
            public void bytesHeld(long bytes) {
                if (bytes >= 2L * CHUNK && !revoked.getAndSet(true)) {
                    registry.revokeTokens();
                }
            }
        };

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(bytes), revokeAfterTwoChunks);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(2, registry.tokensIssued.get());
        assertEquals(1, registry.requests("POST").size());
        // One PATCH refused with 401 (nothing written), then the same chunk again.
        assertEquals(5, registry.requests("PATCH").size());
    }

    @Test
    void aSourceThatFailsWhileAChunkIsSentEndsTheUploadWithItsOwnFailureNotARetry() throws Exception {
        // Chunks are read from the spool as they are sent (ChunkBody): a disk that fails then is
        // the spool's failure, not a registry without an answer to try again.
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        BlobSource whole = BlobSource.of(random(3 * CHUNK));
        BlobSource failingInTheSecondChunk = new BlobSource() {
            @Override
            public long awaitAvailable(long wanted) {
                return whole.size();
            }

            @Override
            public boolean isComplete() {
                return true;
            }

            @Override
            public String digest() {
                return whole.digest();
            }

            @Override
            public long size() {
                return whole.size();
            }

            @Override
            public InputStream openAt(long offset) throws IOException {
                InputStream in = whole.openAt(offset);
                return offset < CHUNK ? in : new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        throw new IOException("Input/output error (the spool's disk)");
                    }
                };
            }
        };
        Events events = new Events();

        IOException failure = assertThrows(IOException.class,
                () -> new BlobUploader(client).upload(failingInTheSecondChunk, events));

        assertEquals("Input/output error (the spool's disk)", failure.getMessage());
        assertFalse(events.any("retrying"), events.seen.toString());
        assertEquals(1, registry.requests("POST").size());
    }

    @Test
    void aQuotaRefusalFailsAtOnceWithHarborsWords() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        registry.patchDenied = "adding 1.2 GiB of storage resource, which when updated to current usage of 9.9 GiB "
                + "will exceed the configured upper limit of 10.0 GiB.";

        RegistryException failure = assertThrows(RegistryException.class,
                () -> new BlobUploader(client).upload(BlobSource.of(random(CHUNK)), UploadListener.NONE));

        assertEquals(RegistryException.Kind.QUOTA, failure.kind());
        assertTrue(failure.getMessage().contains("will exceed the configured upper limit"), failure.getMessage());
        assertEquals(1, registry.requests("PATCH").size());
    }

    @Test
    void aSavedSessionIsResumedFromTheRegistrysRangeWithoutSendingAnythingTwice() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        byte[] bytes = random(4 * CHUNK);
        GrowingSource source = new GrowingSource(bytes);
        source.grow(2 * CHUNK);
        BlobUploader first = new BlobUploader(client);
        Thread paused = new Thread(() -> {
            try {
                first.upload(source, UploadListener.NONE);
            } catch (Exception e) {
                // Interrupted while waiting for more bytes: a pause.
            }
        });
        paused.start();
        while (first.session().map(UploadSession::offset).orElse(0L) < 2L * CHUNK) {
            Thread.sleep(5);
        }
        paused.interrupt();
        paused.join();
        UploadSession saved = first.session().orElseThrow();
        assertFalse(saved.location().toString().contains(FakeRegistry.PASSWORD));

        source.grow(bytes.length);
        UploadedBlob blob = BlobUploader.resuming(client, saved).upload(source, UploadListener.NONE);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertEquals(1, registry.requests("POST").size());
        assertEquals(bytes.length, registry.requests("PATCH").stream().mapToInt(FakeRegistry.Request::bodyLength).sum());
    }

    @Test
    void aSavedSessionTheRegistryDroppedStartsANewOne() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.BASIC);
        byte[] bytes = random(CHUNK);
        UploadSession stale = new UploadSession(client.url("/blobs/uploads/gone?_state=0"), 0);
        Events events = new Events();

        UploadedBlob blob = BlobUploader.resuming(client, stale).upload(BlobSource.of(bytes), events);

        assertArrayEquals(bytes, registry.blob(blob.digest()));
        assertTrue(events.any("retrying NEW_SESSION"), events.seen.toString());
    }

    @Test
    void aOneByteBlobIsNotMistakenForAnEmptySession() throws Exception {
        // distribution answers Range "0-0" for one byte held as for none.
        RegistryClient client = client(FakeRegistry.Auth.NONE);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(new byte[] {42}), UploadListener.NONE);

        assertArrayEquals(new byte[] {42}, registry.blob(blob.digest()));
        assertEquals(1, registry.requests("PATCH").size());
    }

    @Test
    void anEmptyBlobIsCommittedWithoutAChunk() throws Exception {
        RegistryClient client = client(FakeRegistry.Auth.NONE);

        UploadedBlob blob = new BlobUploader(client).upload(BlobSource.of(new byte[0]), UploadListener.NONE);

        assertEquals(0, blob.size());
        assertEquals(0, registry.requests("PATCH").size());
        assertArrayEquals(new byte[0], registry.blob(blob.digest()));
    }
}
