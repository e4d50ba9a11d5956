package io.github.harborupload.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The upload of one blob in chunks, made to survive what stands between the user and Harbor
 * (registry-push.md): {@code POST} a session, {@code PATCH} chunks in order with
 * {@code Content-Range} and {@code Content-Length} (never chunked transfer encoding, which
 * gateways buffer), following each answer's {@code Location}; then {@code PUT ?digest=}.
 * <ul>
 * <li>a 413 halves the chunk size ({@link RegistryClient#chunkSize()}, kept for the whole push);
 * <li>after a failed chunk it asks the session's status and continues from the registry's
 *     {@code Range}, or starts a new session from byte 0 when the registry refuses
 *     (distribution 2.8 after a cut inside a chunk);
 * <li>a 401 renews the token and sends the same chunk again; denied and quota fail at once;
 * <li>after a commit that failed or got no answer, it asks with HEAD, polling, whether the blob is
 *     there before sending anything again.
 * </ul>
 * The source may still be growing: chunks are sent as its bytes arrive.
 *
 * <p>Chunks (the settings' chunk size, 16 MiB by default) are read from the source as they are
 * sent, not held in memory ({@link ChunkBody}). One uploader per blob and thread. {@link #session()} tells where the open session stands, for
 * a resume after a restart ({@link #resuming}).
 */
public final class BlobUploader {

    /** The registry's codes for a session it no longer accepts (distribution 2.8: a signed offset that does not match). */
    private static final List<String> SESSION_GONE = List.of("BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN");

    private final RegistryClient client;
    private final RegistrySettings settings;
    private volatile UploadSession session;
    /** The most a saved session may hold to be continued: its bytes are the source's only that far. */
    private final long usableBytes;

    /** An upload that starts with a new session. */
    public BlobUploader(RegistryClient client) {
        this(client, null, 0);
    }

    private BlobUploader(RegistryClient client, UploadSession saved, long usableBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = client.settings();
        this.session = saved;
        this.usableBytes = usableBytes;
    }

    /**
     * An upload that first asks the registry about a session saved before (a restart, a pause):
     * continues from the registry's {@code Range} when it still holds the session, else starts a new one.
     */
    public static BlobUploader resuming(RegistryClient client, UploadSession saved) {
        return resuming(client, saved, Long.MAX_VALUE);
    }

    /**
     * As {@link #resuming(RegistryClient, UploadSession)}, where the source is known to repeat the
     * bytes the session was fed only up to {@code usableBytes} (a layer compressed again after a
     * restart): a session holding more starts anew.
     */
    public static BlobUploader resuming(RegistryClient client, UploadSession saved, long usableBytes) {
        return new BlobUploader(client, Objects.requireNonNull(saved, "saved"), usableBytes);
    }

    /** The open session and the bytes the registry acknowledged, while there is one; empty before and after. */
    public Optional<UploadSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Uploads the whole blob and commits it.
     *
     * @return the blob as the registry holds it: the source's digest and size
     * @throws RegistryException    when the registry or the network failed past the retries, or refused for good
     * @throws IOException          when the source failed
     * @throws InterruptedException when the thread was interrupted (a pause or cancel); {@link #session()} stays usable
     */
    public UploadedBlob upload(BlobSource source, UploadListener listener)
            throws RegistryException, IOException, InterruptedException {
        String lastReason = "";
        for (int attempt = 1; attempt <= settings.maxBlobAttempts(); attempt++) {
            try {
                long held = openSession(listener);
                sendAll(source, held, listener);
                UploadedBlob blob = commit(source, listener);
                session = null;
                listener.committed(blob);
                return blob;
            } catch (SessionLost lost) {
                lastReason = lost.getMessage();
                session = null;
                listener.retrying(lost.reason, lastReason);
            }
        }
        RegistryException.Kind kind = lastReason.startsWith(COMMIT_ABSENT)
                ? RegistryException.Kind.GATEWAY_TIMEOUT : RegistryException.Kind.UNAVAILABLE;
        throw new RegistryException(kind, 0, "the blob was sent " + settings.maxBlobAttempts()
                + " times and is still not in " + client.repository() + ": " + lastReason);
    }

    // ---- the session ----

    /** Continues the saved session where the registry still holds it, else opens a new one; the bytes held. */
    private long openSession(UploadListener listener) throws RegistryException, IOException, InterruptedException {
        if (session != null) {
            UploadSession saved = session;
            try {
                long held = recover(listener);
                if (held > usableBytes) {
                    throw new SessionLost(UploadListener.Retry.NEW_SESSION, "the registry holds " + held
                            + " bytes of the upload, the source repeats only " + usableBytes);
                }
                listener.bytesHeld(held);
                return held;
            } catch (SessionLost lost) {
                client.cancelSession(saved.location());
                listener.retrying(UploadListener.Retry.NEW_SESSION, lost.getMessage());
            }
        }
        Retries retries = new Retries();
        while (true) {
            Answer answer = attempt(() -> client.call("POST", client.url("/blobs/uploads/"),
                    HttpRequest.BodyPublishers.noBody(), RegistryClient.MAX_ANSWER_BYTES), retries, listener);
            if (answer == null) {
                continue;
            }
            if (answer.status() != 202) {
                throw client.failure(answer);
            }
            session = new UploadSession(location(answer), 0);
            listener.bytesHeld(0);
            return 0;
        }
    }

    /**
     * Asks the registry how much of the session it holds ({@code GET <location>} → 204 with
     * {@code Range}), retrying while it does not answer.
     *
     * @throws SessionLost when the registry no longer accepts the session
     */
    private long recover(UploadListener listener) throws RegistryException, IOException, InterruptedException {
        Retries retries = new Retries();
        while (true) {
            URI where = session.location();
            Answer answer = attempt(() -> client.call("GET", where, HttpRequest.BodyPublishers.noBody(),
                    RegistryClient.MAX_ANSWER_BYTES), retries, listener);
            if (answer == null) {
                continue;
            }
            if (answer.status() == 204 || answer.status() == 200) {
                long held = answer.rangeHeld(session.offset()).orElse(0);
                session = new UploadSession(answer.location().orElse(where), held);
                return held;
            }
            if (isSessionGone(answer)) {
                throw new SessionLost(UploadListener.Retry.NEW_SESSION, "the registry dropped the upload: "
                        + RegistryFailures.describe(answer, client.secrets()));
            }
            throw client.failure(answer);
        }
    }

    // ---- the chunks ----

    private void sendAll(BlobSource source, long from, UploadListener listener)
            throws RegistryException, IOException, InterruptedException {
        long offset = from;
        Retries retries = new Retries();
        while (true) {
            int size = client.chunkSize();
            long available = source.awaitAvailable(offset + size);
            if (available <= offset) {
                if (!source.isComplete() || source.size() != offset) {
                    throw new IOException("the blob source has " + available + " bytes and is "
                            + (source.isComplete() ? "complete with " + source.size() : "not complete")
                            + ", the registry holds " + offset);
                }
                return;
            }
            Answer answer;
            long start = offset;
            int length = (int) Math.min(size, available - offset);
            try (ChunkBody chunk = ChunkBody.of(source, start, length)) {
                URI where = session.location();
                answer = attempt(() -> sendChunk(where, start, chunk), retries, listener);
            }
            if (answer == null) {
                offset = recover(listener);
                listener.bytesHeld(offset);
                continue;
            }
            if (answer.status() == 202) {
                long end = start + length;
                offset = answer.rangeHeld(end).orElse(end);
                if (offset > end) {
                    throw new RegistryException(RegistryException.Kind.PROTOCOL, 202, "the registry says it holds "
                            + offset + " bytes after a chunk that ended at " + end);
                }
                session = new UploadSession(location(answer), offset);
                retries = new Retries();
                listener.bytesHeld(offset);
            } else if (answer.status() == 413) {
                if (!client.reduceChunkSize(length)) {
                    throw new RegistryException(RegistryException.Kind.BODY_TOO_LARGE, 413, length,
                            "a gateway refuses even " + length + "-byte chunks: "
                                    + RegistryFailures.describe(answer, client.secrets()), null);
                }
                listener.chunkSizeReduced(client.chunkSize(), length);
            } else if (answer.status() == 416) {
                // Out of order (distribution v3 and the spec): the status says where to go on.
                offset = recover(listener);
            } else if (isSessionGone(answer)) {
                throw new SessionLost(UploadListener.Retry.NEW_SESSION, "the registry dropped the upload: "
                        + RegistryFailures.describe(answer, client.secrets()));
            } else {
                throw client.failure(answer);
            }
        }
    }

    /**
     * One PATCH with a length the gateway sees up front: {@code Content-Length}, never chunked
     * transfer encoding. No {@code Expect: 100-continue}: JDK 17's client waits past its own
     * timeout, forever, when a gateway answers it with a final 413 (measured against the stack's
     * nginx 1.22); without it nginx still answers 413 from the length alone and reads the rest of
     * the body away, so the refusal arrives in well under a second. A source that failed while the
     * chunk was read ends the upload with its own failure, not as a request without an answer.
     */
    private Answer sendChunk(URI where, long start, ChunkBody chunk)
            throws RegistryException, IOException, InterruptedException {
        HttpRequest.Builder patch = HttpRequest.newBuilder(where)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", start + "-" + (start + chunk.length() - 1))
                .method("PATCH", chunk.publisher());
        try {
            return client.call(patch, RegistryClient.scopeOf(client.repository()), RegistryClient.MAX_ANSWER_BYTES,
                    settings.chunkTimeout());
        } catch (RegistryException e) {
            chunk.rethrowSourceFailure();
            throw e;
        }
    }

    // ---- the commit ----

    private static final String COMMIT_ABSENT = "the commit failed and the blob is absent";

    private UploadedBlob commit(BlobSource source, UploadListener listener) throws RegistryException, InterruptedException {
        String digest = source.digest();
        CommitAnswer answer = putCommit(digest);
        if (answer.kind == CommitAnswer.Kind.COMMITTED) {
            return new UploadedBlob(digest, source.size(), false);
        }
        // The commit may still be running behind a gateway that stopped waiting (a slow move inside
        // object storage): ask before sending anything again. Sending the same commit again is safe
        // only where it cannot have reached the registry: a 503 or 429 (Harbor restarting, a gateway
        // shedding load); then the session still holds every byte.
        listener.checkingCommit(answer.why);
        long deadline = System.nanoTime() + settings.commitPolling().toNanos();
        Duration wait = settings.backoff();
        int refusals = 0;
        while (true) {
            if (blobPresent(digest, source.size())) {
                return new UploadedBlob(digest, source.size(), true);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SessionLost(UploadListener.Retry.BLOB_ABSENT_AFTER_COMMIT, COMMIT_ABSENT + " after "
                        + settings.commitPolling().toSeconds() + " s of checks: " + answer.why);
            }
            Thread.sleep(Math.min(wait.toMillis(), Math.max(1, left / 1_000_000)));
            wait = longer(wait);
            if (answer.kind == CommitAnswer.Kind.NOT_TAKEN) {
                if (++refusals == settings.maxRetries()) {
                    // Harbor answers "unavailable" for as long as chunks would be retried: say so now
                    // rather than after minutes of polling and whole new uploads.
                    throw new RegistryException(RegistryException.Kind.UNAVAILABLE, 503, answer.why);
                }
                answer = putCommit(digest);
                if (answer.kind == CommitAnswer.Kind.COMMITTED) {
                    return new UploadedBlob(digest, source.size(), true);
                }
            }
        }
    }

    /** What one commit request got. */
    private record CommitAnswer(Kind kind, String why) {
        enum Kind {
            COMMITTED,
            /** 503 or 429: refused before the registry took the commit; sending it again is safe. */
            NOT_TAKEN,
            /** 502, 504, another 5xx, no answer, or the session gone: the commit may have happened. */
            UNKNOWN
        }
    }

    /**
     * Sends the commit once.
     *
     * @throws RegistryException a definite refusal (denied, quota, a digest that does not match)
     */
    private CommitAnswer putCommit(String digest) throws RegistryException, InterruptedException {
        URI where = session.location();
        URI put = URI.create(where + (where.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        try {
            Answer answer = client.call(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.noBody()),
                    RegistryClient.scopeOf(client.repository()), RegistryClient.MAX_ANSWER_BYTES, settings.commitTimeout());
            if (answer.status() == 201 || answer.status() == 204) {
                String said = answer.header("Docker-Content-Digest").orElse(digest);
                if (!said.equals(digest)) {
                    throw new RegistryException(RegistryException.Kind.PROTOCOL, answer.status(), "the registry committed "
                            + said + " for the blob " + digest);
                }
                return new CommitAnswer(CommitAnswer.Kind.COMMITTED, null);
            }
            if (!RegistryFailures.isTransient(answer) && !isSessionGone(answer)) {
                throw client.failure(answer);
            }
            boolean notTaken = answer.status() == 503 || answer.status() == 429;
            return new CommitAnswer(notTaken ? CommitAnswer.Kind.NOT_TAKEN : CommitAnswer.Kind.UNKNOWN,
                    RegistryFailures.describe(answer, client.secrets()));
        } catch (RegistryException e) {
            if (!isNoAnswer(e)) {
                throw e;
            }
            return new CommitAnswer(CommitAnswer.Kind.UNKNOWN, e.getMessage());
        }
    }

    /** One HEAD: whether the registry holds the whole blob; a 5xx or no answer counts as not yet. */
    private boolean blobPresent(String digest, long size) throws RegistryException, InterruptedException {
        try {
            Optional<Long> held = client.blobSize(digest);
            return held.isPresent() && held.get() == size;
        } catch (RegistryException e) {
            if (!isNoAnswer(e) && e.kind() != RegistryException.Kind.UNAVAILABLE) {
                throw e;
            }
            return false;
        }
    }

    // ---- retries ----

    private interface Call {
        Answer send() throws RegistryException, IOException, InterruptedException;
    }

    /** Failed tries in a row for one step; the wait doubles each time. */
    private final class Retries {
        private int failures;
        private Duration wait = settings.backoff();

        void failed(RegistryException last) throws RegistryException, InterruptedException {
            if (++failures >= settings.maxRetries()) {
                throw last;
            }
            Thread.sleep(wait.toMillis());
            wait = longer(wait);
        }
    }

    /**
     * One try of a call: its answer, or null after a failure worth another try (no answer, 5xx,
     * 429), which has been told to the listener and waited for.
     */
    private Answer attempt(Call call, Retries retries, UploadListener listener)
            throws RegistryException, IOException, InterruptedException {
        try {
            Answer answer = call.send();
            if (answer.status() == 401) {
                // The client renewed the token once already: the login itself is refused.
                throw client.failure(answer);
            }
            if (!RegistryFailures.isTransient(answer)) {
                return answer;
            }
            RegistryException failure = client.failure(answer);
            listener.retrying(UploadListener.Retry.SERVER_ERROR, failure.getMessage());
            retries.failed(failure);
            return null;
        } catch (RegistryException e) {
            if (!isNoAnswer(e)) {
                throw e;
            }
            listener.retrying(UploadListener.Retry.NETWORK, e.getMessage());
            retries.failed(e);
            return null;
        }
    }

    private Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private static boolean isNoAnswer(RegistryException e) {
        return e.kind() == RegistryException.Kind.NETWORK;
    }

    private static boolean isSessionGone(Answer answer) {
        return answer.status() == 404 || answer.errorCodes().stream().anyMatch(SESSION_GONE::contains);
    }

    private static URI location(Answer answer) throws RegistryException {
        return answer.location().orElseThrow(() -> new RegistryException(RegistryException.Kind.PROTOCOL,
                answer.status(), answer.method() + " " + RegistryFailures.withoutQuery(answer.uri().toString())
                        + ": " + answer.status() + " without a Location"));
    }

    /** The registry no longer holds the session (or the blob after a commit): start again from byte 0. */
    private static final class SessionLost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UploadListener.Retry reason;

        SessionLost(UploadListener.Retry reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
