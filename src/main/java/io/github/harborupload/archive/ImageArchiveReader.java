package io.github.harborupload.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one {@code docker save} archive from a stream, once, in order, and checks it.
 *
 * <p>Entries that may be layers ({@code layer.tar}; blobs under {@code blobs/} that are not small
 * JSON) go to the {@link LayerSink} as they stream. JSON entries up to {@link #SMALL_ENTRY_LIMIT}
 * ({@code manifest.json}, {@code index.json}, the config, OCI manifests) are kept in memory, because
 * the documents that say which entry is which usually come last. Every entry is hashed (SHA-256)
 * on the way, a gzip layer also decompressed and hashed, so at the end the reader can map paths to
 * layers and check them. Memory stays at a few MiB whatever the image's size.
 *
 * <p>Not thread-safe; one reader may read several archives one after the other.
 */
public final class ImageArchiveReader {

    /** Entries larger than this are never kept in memory; an image's JSON is far smaller. */
    public static final int SMALL_ENTRY_LIMIT = 4 * 1024 * 1024;

    /**
     * Reads the archive to its end (not closing {@code archive}) and checks it.
     *
     * @param archive         a {@code docker save} tar stream, e.g. {@code DockerEngine.export}
     * @param expectedImageId the image ID the engine gave ({@code sha256:…}): the config's digest
     *                        must equal it, or, in the OCI layout, the digest of the image's
     *                        manifest or index (the containerd image store's ID); null to skip
     *                        this check
     * @param sink            receives each possible layer as it streams
     * @return the config's bytes and the layers in rootfs order, each checked against its diff_id
     * @throws ImageArchiveException the archive is malformed, truncated, holds no single image,
     *                               or a digest does not match
     * @throws IOException           reading {@code archive} failed, or the sink failed
     */
    public ImageArchive read(InputStream archive, String expectedImageId, LayerSink sink) throws IOException {
        throw new UnsupportedOperationException("not implemented yet: the API is published first (issue 17)");
    }
}
