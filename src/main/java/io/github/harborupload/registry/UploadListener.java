package io.github.harborupload.registry;

/**
 * What happens during one blob's upload, for the progress model and the problem texts. Called on the
 * uploader's thread; every method does nothing unless overridden.
 */
public interface UploadListener {

    UploadListener NONE = new UploadListener() {
    };

    /** Why the uploader tries again. */
    enum Retry {
        /** No answer, a cut connection or a time-out while sending a chunk. */
        NETWORK,
        /** A 5xx (or 429) for a chunk. */
        SERVER_ERROR,
        /** The registry dropped the session (distribution 2.8 after a cut inside a chunk): from 0 again. */
        NEW_SESSION,
        /** The commit failed and the blob was still absent after polling: the whole blob again. */
        BLOB_ABSENT_AFTER_COMMIT
    }

    /** The registry holds {@code bytes} of this blob (its {@code Range}); may go down after a new session. */
    default void bytesHeld(long bytes) {
    }

    /** The uploader tries again; {@code detail} is the registry's or the network's words (no secret). */
    default void retrying(Retry reason, String detail) {
    }

    /**
     * A 413: chunks are {@code newChunkSize} bytes from now on (for the rest of the push, kept by the
     * {@link RegistryClient}); {@code refusedSize} is the body that was refused.
     */
    default void chunkSizeReduced(int newChunkSize, int refusedSize) {
    }

    /** The commit did not answer well ({@code why}); the uploader now asks, with HEAD, whether the blob is there. */
    default void checkingCommit(String why) {
    }

    /** The blob is committed (with or without a check). */
    default void committed(UploadedBlob blob) {
    }
}
