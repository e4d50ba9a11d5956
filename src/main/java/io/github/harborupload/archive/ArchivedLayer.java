package io.github.harborupload.archive;

import java.util.Objects;

/**
 * One layer of the image, as found in the archive and checked.
 *
 * @param diffId      {@code sha256:…} of the uncompressed tar, as the config's {@code rootfs.diff_ids}
 *                    lists it (and checked against the entry's bytes)
 * @param path        the archive entry that held it, as {@link ArchiveEntry#path()} named it
 * @param size        the entry's size in bytes (compressed if {@code compression} is GZIP)
 * @param compression how the entry stored it
 * @param blobDigest  {@code sha256:…} of the compressed blob when {@code compression} is GZIP (upload
 *                    it under that digest as it is); null for an uncompressed layer
 */
public record ArchivedLayer(String diffId, String path, long size, Compression compression, String blobDigest) {

    public ArchivedLayer {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(compression, "compression");
        if ((compression == Compression.NONE) != (blobDigest == null)) {
            throw new IllegalArgumentException("a blob digest exactly when the layer is compressed: "
                    + compression + " " + blobDigest);
        }
    }
}
