package io.github.harborupload.gzip;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Deflater;

/**
 * Chooses how a block is compressed from a cheap sample of it: a few slices spread over the block,
 * deflated at level 1 with no dictionary. What the sample keeps of its bytes says what deflating
 * the whole block is worth (docs/benchmarks.md, issue 18):
 * <ul>
 * <li>next to nothing saved: already compressed bytes (model weights in compressed formats,
 *     archives, random data), on which zlib's level 4 spent 8 s of CPU per 210 MB to shrink
 *     nothing; the block is stored;</li>
 * <li>much kept: dense bytes such as machine code, where the chosen level saves only a few % more
 *     than level 1 for a quarter more CPU; with {@link GzipSettings#denseBlocksFast()} they go at
 *     level 1 (text and sources, where level 1 would be 13 % larger, keep the chosen level);</li>
 * <li>otherwise the settings' level.</li>
 * </ul>
 * The answer depends only on the block's bytes and the settings, so compressing the same layer
 * again gives the same gzip bytes (resuming a push relies on that).
 */
final class BlockSample implements AutoCloseable {

    /** Slices in a sample, spread from the block's start to its end: a block may hold several files. */
    static final int SLICES = 4;

    /** Bytes per slice: enough for deflate to find the repeats that text and code have. */
    static final int SLICE = 16 * 1024;

    /**
     * A block whose sample saves less than this is stored. Level 1 saves 35–60 % on code and text
     * and nothing on compressed bytes (it grows them by a few bytes), but level 4 with the whole
     * block saves a few % more than the sample shows: on the 1.3 GB binaries tar, storing below 3 %
     * made the layer 0.50 % larger, below 2 % 0.29 %, below 1 % 0.12 % (docs/benchmarks.md).
     */
    static final int MIN_SAVING_PERCENT = 2;

    /**
     * A block whose sample keeps at least this share of its bytes is dense. Measured on 1 MiB blocks
     * (docs/benchmarks.md): on the 1.3 GB binaries tar half the blocks are dense, and taking them at
     * level 1 costs 3 % more bytes for 18 % less deflate CPU; on the text tar 9 % of blocks are, +1 %.
     * At 35 % text grew 3.4 %, at 30 % 6 %, towards the 10 % that Harbor's quota allows.
     */
    static final int DENSE_PERCENT = 40;

    /** Level-1 deflaters for the samples, reused across blocks and threads; ended on close. */
    private final Queue<Deflater> idle = new ConcurrentLinkedQueue<>();

    /**
     * The level for the first {@code length} bytes of {@code block}: {@link Deflater#NO_COMPRESSION}
     * to store them, else a deflate level.
     */
    int levelFor(byte[] block, int length, GzipSettings settings) {
        Deflater deflater = idle.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED, true);
        }
        long sampled = 0;
        long deflated = 0;
        try {
            byte[] output = new byte[SLICE + SLICE / 2];
            int slices = length <= SLICES * SLICE ? 1 : SLICES;
            int sliceLength = slices == 1 ? length : SLICE;
            for (int i = 0; i < slices; i++) {
                // Evenly spread, the first at the start and the last at the end of the block.
                int start = slices == 1 ? 0 : (int) ((long) i * (length - SLICE) / (SLICES - 1));
                deflater.setInput(block, start, sliceLength);
                deflater.finish();
                while (!deflater.finished()) {
                    deflated += deflater.deflate(output);
                }
                deflater.reset();
                sampled += sliceLength;
            }
        } finally {
            idle.add(deflater);
        }
        if (sampled > 0 && deflated * 100 > sampled * (100 - MIN_SAVING_PERCENT)) {
            return Deflater.NO_COMPRESSION;
        }
        if (sampled > 0 && settings.denseBlocksFast() && deflated * 100 >= sampled * DENSE_PERCENT) {
            return Deflater.BEST_SPEED;
        }
        return settings.level();
    }

    @Override
    public void close() {
        Deflater deflater;
        while ((deflater = idle.poll()) != null) {
            deflater.end();
        }
    }
}
