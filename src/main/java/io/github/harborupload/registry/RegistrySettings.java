package io.github.harborupload.registry;

import java.time.Duration;

/**
 * The numbers of the protocol client: chunk sizes, retries, time limits. {@link #defaults()} for a
 * push; tests make their own with short times.
 *
 * @param chunkSize            the first chunk size; see {@link #DEFAULT_CHUNK_SIZE}
 * @param minChunkSize         a 413 halves the chunk size down to this and no further
 * @param maxRetries           failed attempts in a row (for one chunk, one commit) before giving up
 * @param backoff              the wait before the first retry; doubled each time up to {@code maxBackoff}
 * @param maxBackoff           the longest wait between retries and between commit checks
 * @param commitPolling        how long to keep asking (HEAD) whether a blob whose commit failed is there
 * @param maxBlobAttempts      whole-blob uploads (new sessions from byte 0) before giving up
 * @param requestTimeout       a small call (HEAD, GET, POST, manifest), until the answer's headers
 * @param chunkTimeout         one PATCH, until the answer's headers: the chunk's bytes must go out in it
 * @param commitTimeout        the commit PUT: the registry may move the blob inside its storage for minutes
 * @param connectTimeout       opening a connection
 */
public record RegistrySettings(
        int chunkSize,
        int minChunkSize,
        int maxRetries,
        Duration backoff,
        Duration maxBackoff,
        Duration commitPolling,
        int maxBlobAttempts,
        Duration requestTimeout,
        Duration chunkTimeout,
        Duration commitTimeout,
        Duration connectTimeout) {

    /**
     * 16 MiB: under the body limits gateways in front of registries are commonly given when someone
     * set one on purpose (tens of MiB; the test gateway's is 32 MiB), big enough that a 1 GB layer is
     * 64 requests and a resume re-sends little. The unset defaults (nginx's and ingress-nginx's 1 MiB)
     * are reached by halving: 16, 8, 4, 2, 1 MiB; nginx refuses by the length, so each refusal is quick.
     */
    public static final int DEFAULT_CHUNK_SIZE = 16 << 20;

    /** Below this a chunk is all request overhead; a gateway that refuses 256 KiB is broken, not strict. */
    public static final int MIN_CHUNK_SIZE = 256 << 10;

    public RegistrySettings {
        if (minChunkSize <= 0 || chunkSize < minChunkSize) {
            throw new IllegalArgumentException("chunk sizes " + chunkSize + " / " + minChunkSize);
        }
        if (maxRetries < 1 || maxBlobAttempts < 1) {
            throw new IllegalArgumentException("retries " + maxRetries + " / " + maxBlobAttempts);
        }
    }

    /**
     * For a push: 6 tries per step, 2+4+8+16+30 s apart, so a gateway's 503 or a registry's restart
     * of about a minute is waited out (docker waits 50 s over its 5 tries); commit checks for 5
     * minutes (a commit on object storage moves the whole layer; minutes for a large one,
     * registry-push.md).
     */
    public static RegistrySettings defaults() {
        return new RegistrySettings(DEFAULT_CHUNK_SIZE, MIN_CHUNK_SIZE, 6,
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5), 3,
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofSeconds(15));
    }
}
