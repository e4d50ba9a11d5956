package io.github.harborupload.archive;

import java.util.Objects;

/**
 * What an entry hashed to, known once its last byte has passed.
 *
 * @param sha256        {@code sha256:<hex>} of the entry's bytes as stored: the diff_id of an
 *                      uncompressed layer, the blob digest of a compressed one
 * @param contentSha256 {@code sha256:<hex>} of the uncompressed bytes, i.e. the layer's diff_id if
 *                      the entry is one; equals {@code sha256} when the entry is not compressed
 * @param size          the entry's bytes as stored
 */
public record EntryDigests(String sha256, String contentSha256, long size) {

    public EntryDigests {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }

    /** The diff_id this entry would have as a layer: the SHA-256 of its uncompressed tar. */
    public String diffId() {
        return contentSha256;
    }
}
