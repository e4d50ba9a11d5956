package io.github.harborupload.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.harborupload.archive.ArchiveContents.Stored;
import io.github.harborupload.archive.ImageArchiveException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads one {@code docker save} archive from a stream, once, in order, and checks it.
 *
 * <p>Entries that may be layers go to the {@link LayerSink} as they stream: every
 * {@code layer.tar}, every blob under {@code blobs/} that is not a small JSON document, and any
 * entry larger than {@link #SMALL_ENTRY_LIMIT}. The other entries ({@code manifest.json},
 * {@code index.json}, the config, OCI manifests, {@code repositories}, {@code VERSION}) are small
 * and kept in memory, because the documents that say which entry is which usually come last
 * (docker writes its archive in name order: {@code blobs/} or the hex folders before
 * {@code index.json} and {@code manifest.json}). Every entry is hashed (SHA-256) on the way, a gzip
 * one also decompressed and hashed, so at the end the reader maps paths to layers and checks: each
 * {@code blobs/sha256/<hex>} hashes to its name, the config to the image ID, each layer to its
 * diff_id. Memory stays at a few MiB whatever the image's size.
 *
 * <p>A small entry kept in memory that the manifest then names as a layer (only a hand-made
 * archive has one) is offered to the sink after the archive's end, from memory.
 *
 * <p>Not thread-safe; one reader may read several archives one after the other.
 */
public final class ImageArchiveReader {

    /** Entries larger than this are never kept in memory; an image's JSON is far smaller. */
    public static final int SMALL_ENTRY_LIMIT = 4 * 1024 * 1024;
    /** All kept entries together: a few MiB even for an image of hundreds of layers. */
    static final long KEPT_LIMIT = 4L * SMALL_ENTRY_LIMIT;
    /** Enough of an entry's start to tell gzip, zstd and JSON apart. */
    private static final int MAGIC_LENGTH = 4;

    /**
     * Reads the archive to its end-of-archive marker (not closing {@code archive}) and checks it.
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
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(sink, "sink");
        SourceStream source = new SourceStream(archive);
        ArchiveContents contents = readEntries(source, new TarInput(source), sink);
        ImageLayout layout = ImageLayout.of(contents);
        contents.checkBlobNames();

        Stored configEntry = contents.find(layout.configPath());
        byte[] config = contents.json(layout.configPath());
        String configDigest = configEntry.digests().sha256();
        if (expectedImageId != null && !configDigest.equals(expectedImageId)
                && !layout.imageIds().contains(expectedImageId)) {
            throw new ImageArchiveException(Kind.DIGEST_MISMATCH, "the image's config " + layout.configPath()
                    + " hashes to " + configDigest + ", but the image ID is " + expectedImageId);
        }
        JsonNode parsed = ImageLayout.parse(contents, layout.configPath());
        List<String> diffIds = new ArrayList<>();
        parsed.path("rootfs").path("diff_ids").forEach(diffId -> diffIds.add(diffId.asText()));
        if (diffIds.size() != layout.layerPaths().size()) {
            throw new ImageArchiveException(Kind.MALFORMED, "the config lists " + diffIds.size()
                    + " layers, the archive's manifest " + layout.layerPaths().size());
        }
        List<ArchivedLayer> layers = new ArrayList<>();
        Set<String> offeredLate = new HashSet<>();
        for (int i = 0; i < diffIds.size(); i++) {
            Stored layer = contents.find(layout.layerPaths().get(i));
            if (!layer.streamed() && offeredLate.add(layer.entry().path())) {
                offer(sink, layer.entry(), new ByteArrayInputStream(layer.bytes()));
            }
            layers.add(checked(layer, diffIds.get(i), i));
        }
        return new ImageArchive(layout.shape(), config, configDigest, layers, text(parsed, "os"),
                text(parsed, "architecture"), text(parsed, "variant"));
    }

    private static ArchiveContents readEntries(SourceStream source, TarInput tar, LayerSink sink)
            throws IOException {
        ArchiveContents contents = new ArchiveContents(KEPT_LIMIT);
        boolean any = false;
        for (TarArchiveEntry entry = next(source, tar); entry != null; entry = next(source, tar)) {
            any = true;
            String path = ArchivePaths.normalize(entry.getName());
            if (entry.isSymbolicLink() || entry.isLink()) {
                String target = entry.isSymbolicLink()
                        ? ArchivePaths.symlinkTarget(path, entry.getLinkName())
                        : ArchivePaths.normalize(entry.getLinkName());
                contents.add(new Stored(new ArchiveEntry(path, 0, Compression.NONE), null, null, false, target));
            } else if (entry.isFile()) {
                contents.add(readEntry(source, tar, path, entry.getSize(), sink));
            }
            // Folders, devices, fifos: docker save writes folders only, and they hold no bytes.
        }
        if (!any) {
            throw new ImageArchiveException(Kind.MALFORMED, "the stream is empty or not a tar archive");
        }
        if (!tar.endMarkerSeen()) {
            throw new ImageArchiveException(Kind.TRUNCATED, "the archive stops after " + contents.size()
                    + " entries without its end-of-archive marker");
        }
        return contents;
    }

    /** The next entry; a tar cut short or garbled is the package's own exception, not a bare IOException. */
    private static TarArchiveEntry next(SourceStream source, TarInput tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            if (source.ended()) {
                throw source.orTruncated(e, "an entry's header");
            }
            if (e.getCause() instanceof IllegalArgumentException) {
                // commons-compress: "Error detected parsing the header", a tar header that is not one.
                throw new ImageArchiveException(Kind.MALFORMED, "not a tar archive: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static Stored readEntry(SourceStream source, InputStream tar, String path, long size, LayerSink sink)
            throws IOException {
        PushbackInputStream peekable = new PushbackInputStream(tar, MAGIC_LENGTH);
        byte[] start;
        try {
            start = peekable.readNBytes((int) Math.min(MAGIC_LENGTH, size));
        } catch (IOException e) {
            throw source.orTruncated(e, path);
        }
        peekable.unread(start);
        ArchiveEntry entry = new ArchiveEntry(path, size, compressionOf(path, start));
        HashingEntryStream content = new HashingEntryStream(peekable, entry, source);
        if (mayBeLayer(path, size, start)) {
            LayerSink.Ending ending = Objects.requireNonNull(sink.receive(entry, content), "the sink's ending");
            EntryDigests digests = content.finish();
            ending.ended(digests);
            return new Stored(entry, digests, null, true, null);
        }
        byte[] bytes = content.readAllBytes();
        return new Stored(entry, content.finish(), bytes, false, null);
    }

    private static boolean mayBeLayer(String path, long size, byte[] start) {
        if (size > SMALL_ENTRY_LIMIT || path.equals("layer.tar") || path.endsWith("/layer.tar")) {
            return true;
        }
        boolean json = start.length > 0 && (start[0] == '{' || start[0] == '[');
        return path.startsWith("blobs/") && !json;
    }

    private static Compression compressionOf(String path, byte[] start) {
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (start.length >= 4 && (start[0] & 0xff) == 0x28 && (start[1] & 0xff) == 0xb5
                && (start[2] & 0xff) == 0x2f && (start[3] & 0xff) == 0xfd) {
            throw new ImageArchiveException(Kind.UNSUPPORTED, path
                    + " is compressed with zstd, which this program cannot check or push yet");
        }
        return Compression.NONE;
    }

    private static void offer(LayerSink sink, ArchiveEntry entry, InputStream bytes) throws IOException {
        HashingEntryStream content = new HashingEntryStream(bytes, entry, null);
        LayerSink.Ending ending = Objects.requireNonNull(sink.receive(entry, content), "the sink's ending");
        ending.ended(content.finish());
    }

    private static ArchivedLayer checked(Stored layer, String diffId, int index) {
        EntryDigests digests = layer.digests();
        if (!digests.contentSha256().equals(diffId)) {
            String how = layer.entry().compression() == Compression.GZIP ? " decompresses to " : " hashes to ";
            throw new ImageArchiveException(Kind.DIGEST_MISMATCH, "layer " + (index + 1) + " ("
                    + layer.entry().path() + ")" + how + digests.contentSha256() + ", but the config says " + diffId);
        }
        boolean gzip = layer.entry().compression() == Compression.GZIP;
        return new ArchivedLayer(diffId, layer.entry().path(), layer.entry().size(), layer.entry().compression(),
                gzip ? digests.sha256() : null);
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
