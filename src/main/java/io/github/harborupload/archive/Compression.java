package io.github.harborupload.archive;

/** How a layer's bytes are stored in the archive, told by their first bytes. */
public enum Compression {
    /** A plain tar: its SHA-256 is its diff_id. Docker 20.10 always writes these. */
    NONE,
    /**
     * Gzip (magic bytes {@code 1f 8b}), as the containerd image store and Podman may keep a layer:
     * the blob's SHA-256 is its name, the SHA-256 of what it decompresses to is its diff_id. Such a
     * blob can be uploaded as it is.
     */
    GZIP
}
