package io.github.harborupload.archive;

import java.util.Objects;

/**
 * One entry of the archive that may be a layer, as the reader hands it to a {@link LayerSink}
 * before its bytes.
 *
 * @param path        its path in the archive, e.g. {@code 3f1a…/layer.tar} or
 *                    {@code blobs/sha256/9c4e…}, as {@link ArchivedLayer#path()} names it later
 * @param size        its size in bytes, from the tar header
 * @param compression how its bytes are stored, from their first bytes
 */
public record ArchiveEntry(String path, long size, Compression compression) {

    public ArchiveEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(compression, "compression");
    }
}
