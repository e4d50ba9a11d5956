package io.github.harborupload.archive;

import static io.github.harborupload.archive.TestImage.gzip;
import static io.github.harborupload.archive.TestImage.hex;
import static io.github.harborupload.archive.TestImage.sha256;
import static io.github.harborupload.archive.TestImage.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.archive.ImageArchiveException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The archive shapes, built in memory. docker 20.10's shape follows moby's
 * {@code image/tarexport/save.go} (v20.10): {@code <v1-id>/VERSION, json, layer.tar},
 * {@code <config-hex>.json}, {@code manifest.json}, {@code repositories}, written in name order,
 * a repeated layer as a symlink to its first copy. The OCI shape follows the OCI image-spec
 * {@code image-layout.md} ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/<hex>}) as
 * Docker 25+ ({@code save.go} there also writes {@code manifest.json} with blob paths) and
 * containerd's exporter ({@code core/images/archive/exporter.go}, used by the containerd image
 * store and like Podman's) write it, layers possibly gzip-compressed. The stack's dockerd is 20.10,
 * so the OCI shape is tested here only.
 */
class ImageArchiveReaderTest {

    private final ImageArchiveReader reader = new ImageArchiveReader();

    // ---- docker 20.10's shape

    private static final String MANIFEST_LAST = "manifest-last";
    private static final String MANIFEST_FIRST = "manifest-first";

    /** v1 folder names: they say nothing of the diff_id (save.go derives them from the chain). */
    private static String v1Id(int layer) {
        return hex(sha256(utf8("v1 id of layer " + layer)));
    }

    private static byte[] legacyManifest(TestImage image, List<String> layerPaths) {
        return utf8("[{\"Config\":\"" + hex(image.configDigest()) + ".json\",\"RepoTags\":[\"local/test:1\"],"
                + "\"Layers\":[\"" + String.join("\",\"", layerPaths) + "\"]}]");
    }

    private static byte[] legacyArchive(TestImage image, String order) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < image.layers.size(); i++) {
            paths.add(v1Id(i) + "/layer.tar");
        }
        return legacyArchive(image, order, legacyManifest(image, paths));
    }

    private static byte[] legacyArchive(TestImage image, String order, byte[] manifest) {
        TestImage.Tar tar = new TestImage.Tar();
        if (order.equals(MANIFEST_FIRST)) {
            tar.file("manifest.json", manifest);
        }
        // In name order, as save.go's tar of its temporary folder gives them.
        TreeMap<String, byte[]> layers = new TreeMap<>();
        for (int i = 0; i < image.layers.size(); i++) {
            layers.put(v1Id(i), image.layers.get(i));
        }
        layers.forEach((id, layer) -> tar.folder(id).file(id + "/VERSION", utf8("1.0"))
                .file(id + "/json", utf8("{\"id\":\"" + id + "\"}")).file(id + "/layer.tar", layer));
        tar.file(hex(image.configDigest()) + ".json", image.config);
        if (order.equals(MANIFEST_LAST)) {
            tar.file("manifest.json", manifest);
        }
        return tar.file("repositories", utf8("{\"local/test\":{\"1\":\"" + v1Id(image.layers.size() - 1) + "\"}}"))
                .finish();
    }

    @Test
    void dockerShapeWithTheManifestLastMapsEachLayerTarToItsDiffId() throws IOException {
        TestImage image = new TestImage(3000, 70_000, 12);
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(legacyArchive(image, MANIFEST_LAST)), image.configDigest(), sink);

        assertEquals(ArchiveShape.DOCKER_MANIFEST, read.shape());
        assertArrayEquals(image.config, read.config());
        assertEquals(image.configDigest(), read.configDigest());
        for (int i = 0; i < 3; i++) {
            ArchivedLayer layer = read.layers().get(i);
            assertEquals(image.diffId(i), layer.diffId());
            assertEquals(v1Id(i) + "/layer.tar", layer.path());
            assertEquals(image.layers.get(i).length, layer.size());
            assertEquals(Compression.NONE, layer.compression());
            assertNull(layer.blobDigest());
        }
        assertEquals("linux", read.os());
        assertEquals("arm64", read.architecture());
        assertEquals("v8", read.variant());
        // Every layer.tar went through the sink, whole, and its ending told the diff_id.
        assertEquals(3, sink.received.size());
        for (Received received : sink.received) {
            int layer = received.layerIndexIn(image);
            assertArrayEquals(image.layers.get(layer), received.bytes);
            assertEquals(image.diffId(layer), received.digests.diffId());
            assertEquals(image.diffId(layer), received.digests.sha256());
        }
    }

    @Test
    void dockerShapeWithTheManifestFirstReadsTheSame() throws IOException {
        TestImage image = new TestImage(100, 200);

        ImageArchive first = reader.read(stream(legacyArchive(image, MANIFEST_FIRST)), image.configDigest(),
                LayerSink.SKIP);
        ImageArchive last = reader.read(stream(legacyArchive(image, MANIFEST_LAST)), image.configDigest(),
                LayerSink.SKIP);

        assertEquals(last, first);
        assertEquals(List.of(image.diffId(0), image.diffId(1)), first.diffIds());
    }

    @Test
    void aLayerRepeatedAsASymlinkIsTheSameLayerTwice() throws IOException {
        // save.go: a diff_id seen before becomes "<id>/layer.tar -> ../<first id>/layer.tar".
        TestImage base = new TestImage(500);
        byte[] layer = base.layers.get(0);
        byte[] config = TestImage.configWith(List.of(base.diffId(0), base.diffId(0)));
        String configHex = hex(sha256(config));
        byte[] manifest = utf8("[{\"Config\":\"" + configHex + ".json\",\"Layers\":[\"aaaa/layer.tar\",\"bbbb/layer.tar\"]}]");
        byte[] archive = new TestImage.Tar().file("aaaa/layer.tar", layer)
                .symlink("bbbb/layer.tar", "../aaaa/layer.tar")
                .file(configHex + ".json", config).file("manifest.json", manifest).finish();
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(archive), sha256(config), sink);

        assertEquals(List.of(base.diffId(0), base.diffId(0)), read.diffIds());
        assertEquals("aaaa/layer.tar", read.layers().get(1).path());
        assertEquals(1, sink.received.size());
    }

    // ---- the OCI layout

    private static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String TAR_LAYER = "application/vnd.oci.image.layer.v1.tar";

    /** The archive of an OCI layout, and the digest of its image manifest. */
    private record Oci(byte[] archive, String manifestDigest, List<String> blobDigests) {
    }

    private static final UnaryOperator<byte[]> PLAIN = UnaryOperator.identity();
    private static final UnaryOperator<byte[]> GZIP = TestImage::gzip;
    private static final UnaryOperator<byte[]> UNTOUCHED = UnaryOperator.identity();

    /** Who wrote the OCI layout, which decides what beside it and in its manifest. */
    private enum Writer {
        /** containerd's exporter or Podman: index.json only, the manifest lists every layer. */
        OCI_ONLY,
        /**
         * Docker 25+ with its classic store (moby save.go): manifest.json too, layers uncompressed and
         * named by diff_id, a v1 JSON blob per layer, and an OCI manifest that lists only foreign layers.
         */
        DOCKER_CLASSIC_STORE,
        /** Docker 29's containerd store: manifest.json too, and the OCI manifest lists every layer. */
        DOCKER_CONTAINERD_STORE
    }

    /**
     * @param toBlob  how each layer is stored ({@link #PLAIN} or compressed); the blob is named for the result
     * @param tamper  what happens to a layer blob after it was named, to make a blob lie about its name
     */
    private static Oci ociArchive(TestImage image, UnaryOperator<byte[]> toBlob, Writer writer,
                                  UnaryOperator<byte[]> tamper) {
        TreeMap<String, byte[]> blobs = new TreeMap<>();
        List<String> layerDescriptors = new ArrayList<>();
        List<String> blobDigests = new ArrayList<>();
        for (byte[] layer : image.layers) {
            byte[] blob = toBlob.apply(layer);
            boolean gzipLayers = blob != layer;
            String digest = sha256(blob);
            blobDigests.add(digest);
            blobs.put(hex(digest), tamper.apply(blob));
            if (writer == Writer.DOCKER_CLASSIC_STORE) {
                byte[] v1Json = utf8("{\"id\":\"" + hex(digest) + "\",\"os\":\"linux\"}");
                blobs.put(hex(sha256(v1Json)), v1Json);
                continue;
            }
            layerDescriptors.add("{\"mediaType\":\"" + (gzipLayers ? GZIP_LAYER : TAR_LAYER) + "\",\"digest\":\""
                    + digest + "\",\"size\":" + blob.length + "}");
        }
        blobs.put(hex(image.configDigest()), image.config);
        byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + image.configDigest() + "\",\"size\":" + image.config.length + "},\"layers\":["
                + String.join(",", layerDescriptors) + "]}");
        String manifestDigest = sha256(manifest);
        blobs.put(hex(manifestDigest), manifest);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
                + manifestDigest + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"io.containerd.image.name\":\"docker.io/local/test:1\"}}]}");
        TestImage.Tar tar = new TestImage.Tar().folder("blobs").folder("blobs/sha256");
        blobs.forEach((hex, blob) -> tar.file("blobs/sha256/" + hex, blob));
        tar.file("index.json", index);
        if (writer != Writer.OCI_ONLY) {
            List<String> paths = blobDigests.stream().map(d -> "blobs/sha256/" + hex(d)).toList();
            tar.file("manifest.json", utf8("[{\"Config\":\"blobs/sha256/" + hex(image.configDigest())
                    + "\",\"RepoTags\":[\"local/test:1\"],\"Layers\":[\"" + String.join("\",\"", paths) + "\"]}]"));
        }
        tar.file("oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}"));
        return new Oci(tar.finish(), manifestDigest, blobDigests);
    }

    @Test
    void ociLayoutWithPlainLayersIsReadThroughIndexJson() throws IOException {
        TestImage image = new TestImage(4000, 900);
        Oci oci = ociArchive(image, PLAIN, Writer.OCI_ONLY, UNTOUCHED);
        RecordingSink sink = new RecordingSink();

        // The containerd image store names the image by its manifest's digest, not the config's.
        ImageArchive read = reader.read(stream(oci.archive), oci.manifestDigest, sink);

        assertEquals(ArchiveShape.OCI_LAYOUT, read.shape());
        assertArrayEquals(image.config, read.config());
        assertEquals(List.of(image.diffId(0), image.diffId(1)), read.diffIds());
        assertEquals("blobs/sha256/" + hex(image.diffId(0)), read.layers().get(0).path());
        assertEquals(Compression.NONE, read.layers().get(0).compression());
        // The manifest, the config and index.json are JSON: kept, not offered as layers.
        assertEquals(2, sink.received.size());
        // And the config's digest is accepted as the ID too (the classic store's).
        assertEquals(read, reader.read(stream(oci.archive), image.configDigest(), LayerSink.SKIP));
    }

    @Test
    void ociLayoutWithGzipLayersChecksWhatTheyDecompressTo() throws IOException {
        TestImage image = new TestImage(50_000, 10, 3000);
        Oci oci = ociArchive(image, GZIP, Writer.OCI_ONLY, UNTOUCHED);
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(oci.archive), oci.manifestDigest, sink);

        for (int i = 0; i < 3; i++) {
            ArchivedLayer layer = read.layers().get(i);
            assertEquals(Compression.GZIP, layer.compression());
            assertEquals(image.diffId(i), layer.diffId());
            assertEquals(oci.blobDigests.get(i), layer.blobDigest());
        }
        for (Received received : sink.received) {
            assertEquals(Compression.GZIP, received.entry.compression());
            // The sink learns both: the blob's name and, decompressed, the diff_id.
            assertEquals(sha256(received.bytes), received.digests.sha256());
            assertTrue(image.layers.stream().map(TestImage::sha256).anyMatch(received.digests.diffId()::equals));
        }
    }

    @Test
    void aGzipLayerOfSeveralMembersIsDecompressedWhole() throws IOException {
        // Concatenated members are one valid gzip stream; Go's reader reads them all (registry-push.md).
        TestImage image = new TestImage(20_000);
        UnaryOperator<byte[]> twoMembers = layer -> concat(gzip(Arrays.copyOfRange(layer, 0, 7000)),
                gzip(Arrays.copyOfRange(layer, 7000, layer.length)));
        Oci oci = ociArchive(image, twoMembers, Writer.OCI_ONLY, UNTOUCHED);
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(oci.archive), oci.manifestDigest, sink);

        assertEquals(image.diffId(0), read.layers().get(0).diffId());
        assertEquals(image.diffId(0), sink.received.get(0).digests.diffId());
    }

    @Test
    void dockerTwentyFiveIsReadThroughItsManifestJsonAsItsOciManifestListsNoLayers() throws IOException {
        TestImage image = new TestImage(700, 800);
        Oci oci = ociArchive(image, PLAIN, Writer.DOCKER_CLASSIC_STORE, UNTOUCHED);
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(oci.archive), image.configDigest(), sink);

        assertEquals(ArchiveShape.DOCKER_MANIFEST, read.shape());
        assertEquals(List.of(image.diffId(0), image.diffId(1)), read.diffIds());
        assertEquals("blobs/sha256/" + hex(image.diffId(1)), read.layers().get(1).path());
        assertEquals(Compression.NONE, read.layers().get(1).compression());
        // The v1 JSON blobs are kept, not offered: the sink sees the two layers only.
        assertEquals(2, sink.received.size());
    }

    @Test
    void dockerTwentyNinesContainerdStoreIsNamedByItsManifestDigest() throws IOException {
        TestImage image = new TestImage(700, 800);
        Oci oci = ociArchive(image, GZIP, Writer.DOCKER_CONTAINERD_STORE, UNTOUCHED);

        // The containerd image store's image ID is the manifest's (or index's) digest.
        ImageArchive read = reader.read(stream(oci.archive), oci.manifestDigest, LayerSink.SKIP);

        assertEquals(ArchiveShape.DOCKER_MANIFEST, read.shape());
        assertEquals(List.of(image.diffId(0), image.diffId(1)), read.diffIds());
        assertEquals(Compression.GZIP, read.layers().get(1).compression());
        assertEquals(oci.blobDigests.get(1), read.layers().get(1).blobDigest());
    }

    @Test
    void anIndexWithTheImageAndItsAttestationLeadsToTheImage() throws IOException {
        // BuildKit's images in the containerd store: an index of the platform's manifest and an
        // attestation manifest (docs/attestations/attestation-storage.md), and containerd's exporter
        // names the index in index.json. The image ID is then the index's digest.
        TestImage image = new TestImage(600);
        TestImage attestationConfig = new TestImage(10);
        byte[] imageManifest = ociManifest(image.configDigest(), image.config.length, image.diffId(0),
                image.layers.get(0).length);
        byte[] statement = utf8("{\"_type\":\"https://in-toto.io/Statement/v0.1\"}");
        byte[] attestation = ociManifest(attestationConfig.configDigest(), attestationConfig.config.length,
                sha256(statement), statement.length);
        byte[] nested = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[" + descriptor(imageManifest, "") + "," + descriptor(attestation,
                ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}") + "]}");
        byte[] index = utf8("{\"schemaVersion\":2,\"manifests\":[" + descriptor(nested, "") + "]}");
        TreeMap<String, byte[]> blobs = new TreeMap<>();
        for (byte[] blob : List.of(image.layers.get(0), image.config, imageManifest, statement,
                attestationConfig.config, attestation, nested)) {
            blobs.put(hex(sha256(blob)), blob);
        }
        TestImage.Tar tar = new TestImage.Tar();
        blobs.forEach((hex, blob) -> tar.file("blobs/sha256/" + hex, blob));
        byte[] archive = tar.file("index.json", index).file("oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}"))
                .finish();

        ImageArchive read = reader.read(stream(archive), sha256(nested), LayerSink.SKIP);

        assertEquals(List.of(image.diffId(0)), read.diffIds());
        assertArrayEquals(image.config, read.config());
    }

    private static byte[] ociManifest(String configDigest, int configSize, String layerDigest, int layerSize) {
        return utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + configDigest + "\",\"size\":" + configSize + "},\"layers\":[{\"mediaType\":\"" + TAR_LAYER
                + "\",\"digest\":\"" + layerDigest + "\",\"size\":" + layerSize + "}]}");
    }

    private static String descriptor(byte[] manifest, String more) {
        String mediaType = new String(manifest, StandardCharsets.UTF_8).contains("index.v1")
                ? "application/vnd.oci.image.index.v1+json" : "application/vnd.oci.image.manifest.v1+json";
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + sha256(manifest) + "\",\"size\":"
                + manifest.length + more + "}";
    }

    @Test
    void aLayerLargerThanTheMemoryLimitStreamsThroughTheSink() throws IOException {
        TestImage image = new TestImage(ImageArchiveReader.SMALL_ENTRY_LIMIT + 1000);
        Oci oci = ociArchive(image, PLAIN, Writer.OCI_ONLY, UNTOUCHED);
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(oci.archive), null, sink);

        assertEquals(image.diffId(0), read.layers().get(0).diffId());
        assertEquals(image.layers.get(0).length, sink.received.get(0).bytes.length);
    }

    @Test
    void aLayerReachesTheSinkWhileTheArchiveIsStillArriving() throws IOException {
        // The pusher compresses a layer as it streams: nothing may wait for the whole entry.
        int layerSize = 16 * 1024 * 1024;
        TestImage image = new TestImage(layerSize);
        byte[] archive = legacyArchive(image, MANIFEST_LAST);
        long[] delivered = new long[1];
        InputStream counting = new FilterInputStream(stream(archive)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                delivered[0] += Math.max(n, 0);
                return n;
            }
        };
        long[] deliveredAtFirstBytes = new long[1];
        LayerSink sink = (entry, content) -> {
            content.readNBytes(64 * 1024);
            deliveredAtFirstBytes[0] = delivered[0];
            content.readAllBytes();
            return LayerSink.IGNORE_END;
        };

        reader.read(counting, image.configDigest(), sink);

        assertTrue(deliveredAtFirstBytes[0] < 1024 * 1024,
                "the sink had its first bytes after " + deliveredAtFirstBytes[0] + " bytes of the archive");
    }

    // ---- what must fail, and how

    @Test
    void aLayerThatDoesNotHashToItsDiffIdIsNamed() {
        TestImage image = new TestImage(100, 200);
        byte[] config = TestImage.configWith(List.of(image.diffId(0), sha256(utf8("something else"))));
        TestImage.Tar tar = new TestImage.Tar().file(v1Id(0) + "/layer.tar", image.layers.get(0))
                .file(v1Id(1) + "/layer.tar", image.layers.get(1));
        String configHex = hex(sha256(config));
        byte[] archive = tar.file(configHex + ".json", config).file("manifest.json", utf8("[{\"Config\":\""
                + configHex + ".json\",\"Layers\":[\"" + v1Id(0) + "/layer.tar\",\"" + v1Id(1) + "/layer.tar\"]}]"))
                .finish();

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(archive), sha256(config), LayerSink.SKIP));

        assertEquals(Kind.DIGEST_MISMATCH, e.kind());
        assertEquals("layer 2 (" + v1Id(1) + "/layer.tar) hashes to " + image.diffId(1)
                + ", but the config says " + sha256(utf8("something else")), e.getMessage());
    }

    @Test
    void aGzipLayerThatDecompressesToSomethingElseIsNamed() {
        TestImage image = new TestImage(1000);
        byte[] other = gzip(utf8("not the layer"));
        Oci oci = ociArchive(image, GZIP, Writer.OCI_ONLY, blob -> other);

        // The blob check comes first, the diff_id check would fail too.
        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(oci.archive), null, LayerSink.SKIP));

        assertEquals(Kind.DIGEST_MISMATCH, e.kind());
    }

    @Test
    void aConfigThatIsNotTheImageIdIsRefused() {
        TestImage image = new TestImage(100);
        String otherId = sha256(utf8("another image"));

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(legacyArchive(image, MANIFEST_LAST)), otherId, LayerSink.SKIP));

        assertEquals(Kind.DIGEST_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("hashes to " + image.configDigest() + ", but the image ID is " + otherId),
                e.getMessage());
    }

    @Test
    void anArchiveCutInTheMiddleOfALayerIsTruncated() {
        TestImage image = new TestImage(100_000);
        byte[] whole = legacyArchive(image, MANIFEST_LAST);

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(Arrays.copyOf(whole, 50_000)), null, LayerSink.SKIP));

        assertEquals(Kind.TRUNCATED, e.kind());
    }

    @Test
    void anArchiveCutBeforeItsManifestSaysSo() {
        TestImage image = new TestImage(1000);
        byte[] whole = legacyArchive(image, MANIFEST_LAST);
        int manifestStart = indexOf(whole, utf8("manifest.json")); // its header's name field

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(Arrays.copyOf(whole, manifestStart)), null, LayerSink.SKIP));

        assertEquals(Kind.TRUNCATED, e.kind(), e.getMessage());
    }

    @Test
    void extraEntriesAreSkippedAndLargeOnesStillShownToTheSink() throws IOException {
        TestImage image = new TestImage(300);
        byte[] big = new byte[ImageArchiveReader.SMALL_ENTRY_LIMIT + 1];
        TestImage.Tar tar = new TestImage.Tar().file("README", utf8("made by hand"))
                .file("extra/big.bin", big).file(v1Id(0) + "/layer.tar", image.layers.get(0))
                .file(hex(image.configDigest()) + ".json", image.config)
                .file("manifest.json", legacyManifest(image, List.of(v1Id(0) + "/layer.tar")));
        RecordingSink sink = new RecordingSink();

        ImageArchive read = reader.read(stream(tar.finish()), image.configDigest(), sink);

        assertEquals(List.of(image.diffId(0)), read.diffIds());
        // The sink cannot know yet that big.bin is no layer: it learns its digest and drops it.
        assertEquals(List.of("extra/big.bin", v1Id(0) + "/layer.tar"),
                sink.received.stream().map(r -> r.entry.path()).toList());
    }

    @Test
    void aSinkThatStopsReadingEarlyStillHearsTheWholeEntrysDigest() throws IOException {
        TestImage image = new TestImage(80_000);
        List<EntryDigests> heard = new ArrayList<>();
        LayerSink lazy = (entry, content) -> {
            content.readNBytes(10);
            content.close();
            return heard::add;
        };

        ImageArchive read = reader.read(stream(legacyArchive(image, MANIFEST_LAST)), image.configDigest(), lazy);

        assertEquals(List.of(image.diffId(0)), heard.stream().map(EntryDigests::diffId).toList());
        assertEquals(80_000, heard.get(0).size());
        assertEquals(image.diffId(0), read.layers().get(0).diffId());
    }

    @Test
    void theSinksFailureReachesTheCaller() {
        TestImage image = new TestImage(100);
        IOException full = new IOException("No space left on device");

        IOException e = assertThrows(IOException.class, () -> reader.read(stream(legacyArchive(image, MANIFEST_LAST)),
                null, (entry, content) -> {
                    throw full;
                }));

        assertEquals(full, e);
    }

    @Test
    void somethingThatIsNotATarIsMalformed() {
        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(utf8("{\"message\":\"No such image: local/nothing:1\"}")), null,
                        LayerSink.SKIP));

        assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
    }

    @Test
    void anArchiveWithoutManifestOrIndexIsMalformed() {
        byte[] archive = new TestImage.Tar().file("a/layer.tar", utf8("x")).finish();

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(archive), null, LayerSink.SKIP));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("neither manifest.json nor index.json"), e.getMessage());
    }

    @Test
    void anArchiveOfTwoImagesIsNotPushable() {
        TestImage image = new TestImage(100);
        byte[] one = legacyManifest(image, List.of(v1Id(0) + "/layer.tar"));
        String entry = new String(one, StandardCharsets.UTF_8);
        byte[] two = utf8(entry.substring(0, entry.length() - 1) + "," + entry.substring(1));

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(legacyArchive(image, MANIFEST_LAST, two)), null, LayerSink.SKIP));

        assertEquals(Kind.UNSUPPORTED, e.kind());
    }

    @Test
    void aCorruptGzipLayerIsMalformed() {
        TestImage image = new TestImage(5000);
        Oci oci = ociArchive(image, GZIP, Writer.OCI_ONLY, blob -> {
            byte[] broken = blob.clone();
            Arrays.fill(broken, 10, 40, (byte) 0xff);
            return broken;
        });

        ImageArchiveException e = assertThrows(ImageArchiveException.class,
                () -> reader.read(stream(oci.archive), null, LayerSink.SKIP));

        assertEquals(Kind.MALFORMED, e.kind());
    }

    // ---- helpers

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private record Received(ArchiveEntry entry, byte[] bytes, EntryDigests digests) {

        int layerIndexIn(TestImage image) {
            for (int i = 0; i < image.layers.size(); i++) {
                if (Arrays.equals(image.layers.get(i), bytes)) {
                    return i;
                }
            }
            throw new AssertionError("not a layer of the image: " + entry);
        }
    }

    /**
     * Reads each entry in small pieces, as a compressing sink would, and checks that each ending
     * comes before the next entry and carries the digest of exactly the bytes it read.
     */
    private static final class RecordingSink implements LayerSink {

        final List<Received> received = new ArrayList<>();
        private boolean open;

        @Override
        public Ending receive(ArchiveEntry entry, InputStream content) throws IOException {
            assertTrue(!open, "an entry offered before the last one ended");
            open = true;
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            byte[] piece = new byte[1000];
            for (int n = content.read(piece); n >= 0; n = content.read(piece)) {
                copy.write(piece, 0, n);
            }
            byte[] bytes = copy.toByteArray();
            assertEquals(entry.size(), bytes.length);
            return digests -> {
                open = false;
                assertEquals(sha256(bytes), digests.sha256());
                received.add(new Received(entry, bytes, digests));
            };
        }
    }
}
