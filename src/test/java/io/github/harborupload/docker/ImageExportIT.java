package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.archive.ArchiveShape;
import io.github.harborupload.archive.ArchivedLayer;
import io.github.harborupload.archive.Compression;
import io.github.harborupload.archive.EntryDigests;
import io.github.harborupload.archive.ImageArchive;
import io.github.harborupload.archive.ImageArchiveReader;
import io.github.harborupload.archive.LayerSink;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading images out of the real dockerd (20.10 on the stack: {@code docker save}'s legacy shape,
 * moby {@code image/tarexport/save.go}). The OCI layout of Docker 25+/29 and Podman is tested with
 * archives built by hand in {@code ImageArchiveReaderTest}, after the OCI image-spec's
 * {@code image-layout.md} and containerd's {@code core/images/archive/exporter.go}.
 */
class ImageExportIT {

    private static TestStack stack;
    private static DockerEngine engine;

    @BeforeAll
    static void connect() {
        stack = TestStack.require();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void inspectGivesTheIdTheListShowsAndOneDiffIdPerLayer() {
        ImageDetails five = engine.inspect(stack.fiveLayerImage());
        ImageDetails tiny = engine.inspect(stack.tinyImage());

        LocalImage listed = engine.listImages().stream()
                .filter(image -> image.repoTags().contains(stack.fiveLayerImage())).findFirst().orElseThrow();
        assertEquals(listed.id(), five.id());
        // scripts/stack.sh builds five layers of random data on an empty base, and busybox as one layer.
        assertEquals(5, five.diffIds().size());
        assertEquals(1, tiny.diffIds().size());
        five.diffIds().forEach(diffId -> assertTrue(diffId.matches("sha256:[0-9a-f]{64}"), diffId));
        assertEquals("linux", five.os());
        assertTrue(five.size() > 200_000_000L, "size " + five.size());
        assertEquals(five, engine.inspect(five.id()));
    }

    @Test
    void bothTestImagesExportAsTheirConfigAndLayersEachCheckedAgainstInspect() throws IOException {
        for (String name : List.of(stack.tinyImage(), stack.fiveLayerImage())) {
            ImageDetails details = engine.inspect(name);
            HashingSink sink = new HashingSink();

            ImageArchive archive;
            try (ImageExport export = engine.export(details.id())) {
                archive = new ImageArchiveReader().read(export, details.id(), sink);
                assertTrue(export.started().toCompletableFuture().isDone());
            }

            assertEquals(ArchiveShape.DOCKER_MANIFEST, archive.shape());
            assertEquals(details.id(), archive.configDigest());
            assertEquals(details.id(), sha256(archive.config()));
            assertEquals(details.diffIds(), archive.diffIds());
            assertEquals(details.architecture(), archive.architecture());
            for (ArchivedLayer layer : archive.layers()) {
                assertEquals(Compression.NONE, layer.compression());
                assertTrue(layer.path().endsWith("/layer.tar"), layer.path());
            }
            // What the sink itself hashed is what the reader reported at each entry's end.
            assertEquals(sink.ownDigests, sink.reported.stream().map(EntryDigests::sha256).toList());
            assertTrue(sink.ownDigests.containsAll(details.diffIds()), name);
        }
    }

    @Test
    void closingAfterOneMebibyteFreesTheConnectionForTheNextExport() throws IOException {
        String id = engine.inspect(stack.fiveLayerImage()).id();
        ImageExport first = engine.export(id);
        // dockerd copies the 200 MB image into a temporary folder before its first byte (save.go).
        assertFalse(first.started().toCompletableFuture().isDone(), "started before dockerd staged the image");
        assertEquals(1 << 20, first.readNBytes(1 << 20).length);
        assertTrue(first.started().toCompletableFuture().isDone());

        // Closing aborts the 200 MB answer rather than reading it to its end.
        assertTimeoutPreemptively(Duration.ofSeconds(2), first::close);
        assertThrows(IOException.class, first::read);

        try (ImageExport second = engine.export(id)) {
            ImageArchive archive = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> new ImageArchiveReader().read(second, id, LayerSink.SKIP));
            assertEquals(5, archive.layers().size());
        }
    }

    @Test
    void theExportOfAMissingImageFailsAsNotFound() throws Exception {
        String missing = "sha256:" + "0".repeat(64);

        assertThrows(ImageNotFoundException.class, () -> engine.inspect(missing));
        try (ImageExport export = engine.export(missing)) {
            assertThrows(ImageNotFoundException.class, export::read);
            ExecutionException started = assertThrows(ExecutionException.class,
                    () -> export.started().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ImageNotFoundException.class, started.getCause());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Hashes each entry it reads by itself, as a pusher compressing the bytes would see them. */
    private static final class HashingSink implements LayerSink {

        final List<String> ownDigests = new ArrayList<>();
        final List<EntryDigests> reported = new ArrayList<>();

        @Override
        public Ending receive(io.github.harborupload.archive.ArchiveEntry entry, InputStream content)
                throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
            byte[] buffer = new byte[256 * 1024];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            ownDigests.add("sha256:" + HexFormat.of().formatHex(sha.digest()));
            return reported::add;
        }
    }
}
