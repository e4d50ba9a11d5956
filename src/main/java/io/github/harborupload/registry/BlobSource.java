package io.github.harborupload.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one blob, by offset, while they may still be being written: the pusher compresses a
 * layer into a spool file while the uploader sends what is already there. Once the blob is
 * {@linkplain #isComplete() complete} it tells its digest and size. Reading from 0 again must give
 * the same bytes (a new upload session after the registry dropped one starts from 0).
 *
 * <p>Implementations are called from the uploader's thread only, but are written by another.
 */
public interface BlobSource {

    /**
     * Waits until at least {@code wanted} bytes exist or the blob is complete, and returns how many
     * exist now: {@code >= wanted}, or fewer only when the blob is complete.
     *
     * @throws IOException when the writer failed (compression, export); the upload stops with it
     */
    long awaitAvailable(long wanted) throws IOException, InterruptedException;

    /** Whether every byte is written; {@link #digest()} and {@link #size()} then answer. */
    boolean isComplete();

    /** The blob's digest, {@code sha256:<hex>}. @throws IllegalStateException before it is complete */
    String digest();

    /** The blob's size in bytes. @throws IllegalStateException before it is complete */
    long size();

    /**
     * A stream of the bytes from {@code offset} on; the caller reads only what
     * {@link #awaitAvailable} said exists, and closes it.
     */
    InputStream openAt(long offset) throws IOException;

    /** A complete blob held in memory: an image config, a test's bytes. */
    static BlobSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        String digest = sha256(copy);
        return new BlobSource() {
            @Override
            public long awaitAvailable(long wanted) {
                return copy.length;
            }

            @Override
            public boolean isComplete() {
                return true;
            }

            @Override
            public String digest() {
                return digest;
            }

            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream openAt(long offset) {
                return new ByteArrayInputStream(copy, (int) offset, copy.length - (int) offset);
            }
        };
    }

    /** {@code sha256:<hex>} of the bytes, the form of a registry digest. */
    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
