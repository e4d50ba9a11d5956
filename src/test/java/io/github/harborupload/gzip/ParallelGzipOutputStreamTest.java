package io.github.harborupload.gzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream must be what pigz writes (registry-push.md, "Compression"): one gzip member, whose
 * inflated bytes, CRC32 and ISIZE are the input's, whatever the block boundaries.
 */
class ParallelGzipOutputStreamTest {

    private static final int BLOCK = 64 * 1024;
    private static final ExecutorService POOL = DeflaterThreads.newPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 7 * BLOCK + 13, 40 * BLOCK})
    void randomBytesRoundTripAsOneMember(int size) throws Exception {
        byte[] input = new byte[size];
        new Random(size).nextBytes(input);
        assertRoundTrip(input);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 9})
    void compressibleBytesRoundTripAtEveryLevel(int level) throws Exception {
        // Repeats across block boundaries: only a correct 32 KiB dictionary per block inflates them right.
        byte[] input = new byte[25 * BLOCK + 5];
        byte[] phrase = "layer.tar usr/lib/x86_64-linux-gnu/libc.so.6 ".getBytes();
        Random random = new Random(level);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextInt(50) == 0 ? (byte) random.nextInt() : phrase[i % phrase.length];
        }
        byte[] compressed = assertRoundTrip(input, settings().withLevel(level));
        assertEquals(true, compressed.length < input.length / 4, "compressible input shrinks: " + compressed.length);
    }

    @Test
    void zerosShrinkAndTheDigestsAreTheBytes() throws Exception {
        byte[] input = new byte[30 * BLOCK];
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(sink, POOL, settings());
        for (int offset = 0; offset < input.length; offset += 1000) {
            gzip.write(input, offset, Math.min(1000, input.length - offset));
        }
        gzip.close();
        byte[] compressed = sink.toByteArray();
        assertEquals(input.length, gzip.uncompressedBytes());
        assertEquals(compressed.length, gzip.compressedBytes());
        assertEquals(sha256(input), gzip.uncompressedDigest());
        assertEquals(sha256(compressed), gzip.compressedDigest());
        assertArrayEquals(input, inflateOneMember(compressed));
    }

    @Test
    void withoutTheUncompressedDigestTheBlobDigestIsStillThere() throws Exception {
        // Issue 18, "nothing twice": the pusher's archive reader hashes the layer already.
        byte[] input = new byte[5 * BLOCK + 17];
        new Random(7).nextBytes(input);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(sink, POOL, settings().withoutUncompressedDigest());
        try (gzip) {
            gzip.write(input);
        }
        assertEquals(sha256(sink.toByteArray()), gzip.compressedDigest());
        assertThrows(IllegalStateException.class, gzip::uncompressedDigest);
        assertArrayEquals(input, inflateOneMember(sink.toByteArray()));
    }

    @Test
    void randomBlocksAreStoredFiveBytesPer64KiB() throws Exception {
        // Issue 18: deflating incompressible bytes cost 8 s of CPU per 210 MB for nothing; stored
        // blocks (RFC 1951, 3.2.4) cost 5 bytes per 65,535. The size proves every block was stored:
        // header, 40 blocks of 65,536 bytes as two stored blocks each, the empty final block
        // deflated (2 bytes), trailer.
        byte[] input = new byte[40 * BLOCK];
        new Random(11).nextBytes(input);
        byte[] compressed = assertRoundTrip(input);
        assertEquals(10 + 40 * (BLOCK + 2 * 5) + 2 + 8, compressed.length);
    }

    @Test
    void mixedBlocksAreOneStreamThatGzipItselfReads(@TempDir Path folder) throws Exception {
        // A layer mixes compressed files (stored) with dense code (level 1 on two threads) and text
        // (level 4), each deflated block seeded with the previous block whatever its level or
        // whether it was stored; gzip(1) is the reference decoder.
        byte[] input = new byte[12 * BLOCK + 99];
        Random random = new Random(5);
        for (int block = 0; block * BLOCK < input.length; block++) {
            int end = Math.min(input.length, (block + 1) * BLOCK);
            for (int i = block * BLOCK; i < end; i++) {
                boolean noise = block % 3 == 0 || block % 3 == 2 && i % 64 < 32;
                input[i] = noise ? (byte) random.nextInt() : TEXT[i % TEXT.length];
            }
        }
        byte[] compressed = assertRoundTrip(input);
        assertTrue(compressed.length < 7 * BLOCK, "4 random blocks stored, 4 dense and 4 of text shrunk: "
                + compressed.length);
        Path file = Files.write(folder.resolve("layer.tar.gz"), compressed);
        assertEquals(0, run("gzip", "-t", file.toString()).waitFor(), "gzip -t");
        Process zcat = run("zcat", file.toString());
        assertArrayEquals(input, zcat.getInputStream().readAllBytes(), "zcat");
        assertEquals(0, zcat.waitFor(), "zcat's exit");
    }

    @Test
    void theSameBytesGiveTheSameGzipWhateverTheWrites() throws Exception {
        // A resumed push compresses the layer again and must get the blob it began (issue 17).
        byte[] input = new byte[9 * BLOCK + 7];
        Random random = new Random(3);
        for (int i = 0; i < input.length; i++) {
            input[i] = i / BLOCK % 2 == 0 ? (byte) random.nextInt() : TEXT[i % TEXT.length];
        }
        ByteArrayOutputStream once = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(once, POOL, settings())) {
            gzip.write(input);
        }
        ByteArrayOutputStream piecewise = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(piecewise, POOL, settings())) {
            for (int offset = 0; offset < input.length; offset += 777) {
                gzip.write(input, offset, Math.min(777, input.length - offset));
            }
        }
        assertArrayEquals(once.toByteArray(), piecewise.toByteArray());
    }

    @Test
    void aFailingSinkSurfacesOnTheWriterThread() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        byte[] input = new byte[10 * BLOCK];
        assertThrows(IOException.class, () -> {
            try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(broken, POOL, settings())) {
                gzip.write(input);
            }
        });
    }

    private static final byte[] TEXT = "layer.tar usr/lib/python3/dist-packages/numpy/__init__.py import os\n".getBytes();

    private static Process run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        return process;
    }

    private static GzipSettings settings() {
        return GzipSettings.defaults(2).withBlockSize(BLOCK);
    }

    private static byte[] assertRoundTrip(byte[] input) throws Exception {
        return assertRoundTrip(input, settings());
    }

    private static byte[] assertRoundTrip(byte[] input, GzipSettings settings) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(sink, POOL, settings)) {
            gzip.write(input);
        }
        byte[] compressed = sink.toByteArray();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertArrayEquals(input, in.readAllBytes(), "GZIPInputStream reads the input back");
        }
        assertArrayEquals(input, inflateOneMember(compressed), "the first member alone holds everything");
        ByteBuffer trailer = ByteBuffer.wrap(compressed, compressed.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(input);
        assertEquals((int) crc.getValue(), trailer.getInt(), "CRC32 in the trailer");
        assertEquals(input.length, trailer.getInt(), "ISIZE in the trailer");
        return compressed;
    }

    /** Inflates the first member only and checks that it ends exactly at the trailer (no second member). */
    private static byte[] inflateOneMember(byte[] gzip) throws Exception {
        assertEquals(0x1f, gzip[0] & 0xff);
        assertEquals(0x8b, gzip[1] & 0xff);
        assertEquals(8, gzip[2]);
        assertEquals(0, gzip[3], "no optional header fields");
        Inflater inflater = new Inflater(true);
        inflater.setInput(gzip, 10, gzip.length - 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                throw new AssertionError("deflate stream ends without a final block");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(8, inflater.getRemaining(), "only the 8-byte trailer follows the deflate stream");
        inflater.end();
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
