package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: when the cache folder's disk is short, a layer goes straight from the compressor to the
 * uploader. The uploader's reads (BlobUploader: awaitAvailable, then openAt at the chunk's start,
 * again at the same start for a chunk sent again) must work as with a file; memory stays bounded;
 * a new session from byte 0 fails with the disk's problem, and a pause lets the compressor go. The
 * note in the faces: cli/progress/SpoolNoteTest.
 */
class SpooledBlobInMemoryTest {

    private static final int CHUNK = 1 << 20;
    private static final SpoolSpaceException SHORT = new SpoolSpaceException(Path.of("/cache/spool/x"), 5L << 30, 1L << 20);

    @Test
    void theUploaderReadsEveryChunkAndMayReadOneAgainButNotFromTheStart() throws Exception {
        SpooledBlob spool = SpooledBlob.inMemory(SHORT);
        byte[] layer = new byte[SpooledBlob.MEMORY_AHEAD * 3 + 12345];
        new Random(1).nextBytes(layer);
        CompletableFuture<Void> compressor = CompletableFuture.runAsync(() -> write(spool, layer));

        byte[] sent = new byte[layer.length];
        long offset = 0;
        while (true) {
            long available = spool.awaitAvailable(offset + CHUNK);
            if (available <= offset) {
                break;
            }
            int size = (int) Math.min(CHUNK, available - offset);
            read(spool, offset, sent, size);
            read(spool, offset, sent, size); // the same chunk again: after a renewed token or a cut
            offset += size;
        }
        compressor.get(1, TimeUnit.MINUTES);

        assertArrayEquals(layer, sent);
        assertTrue(spool.isComplete());
        assertThrows(SpoolSpaceException.class, () -> spool.openAt(0), "a new session cannot start from byte 0");
    }

    @Test
    void theCompressorWaitsForTheUploaderAndAPauseLetsItGo() throws Exception {
        SpooledBlob spool = SpooledBlob.inMemory(SHORT);
        byte[] layer = new byte[SpooledBlob.MEMORY_AHEAD * 4];
        CompletableFuture<Void> compressor = CompletableFuture.runAsync(() -> write(spool, layer));
        // Nothing asked yet: the compressor stops once MEMORY_AHEAD bytes wait in memory.
        long held = spool.awaitAvailable(SpooledBlob.MEMORY_AHEAD);
        assertTrue(held >= SpooledBlob.MEMORY_AHEAD && held < layer.length, "held " + held);

        spool.stopReaders();

        Exception stopped = assertThrows(Exception.class, () -> compressor.get(1, TimeUnit.MINUTES));
        assertTrue(stopped.getCause() instanceof IllegalStateException
                && stopped.getCause().getCause() instanceof InterruptedIOException, String.valueOf(stopped.getCause()));
    }

    private static void write(SpooledBlob spool, byte[] layer) {
        try (OutputStream out = spool.output()) {
            for (int at = 0; at < layer.length; at += 65536) {
                out.write(layer, at, Math.min(65536, layer.length - at));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        spool.complete(new BlobRef("sha256:whatever", layer.length));
    }

    private static void read(SpooledBlob spool, long offset, byte[] into, int size) throws IOException {
        try (InputStream in = spool.openAt(offset)) {
            byte[] chunk = in.readNBytes(size);
            assertEquals(size, chunk.length);
            System.arraycopy(chunk, 0, into, (int) offset, size);
        }
    }
}
