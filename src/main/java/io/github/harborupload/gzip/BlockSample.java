package io.github.harborupload.gzip;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Deflater;

/**
 * Tells cheaply whether a block is not worth deflating: already compressed bytes (model weights in
 * compressed formats, archives, random data), on which zlib's level 4 spent 8 s of CPU per 210 MB
 * to shrink nothing (docs/benchmarks.md, issue 18). A sample of the block, a few slices spread over
 * it, is deflated at level 1 with no dictionary; if that does not save {@link #MIN_SAVING_PERCENT},
 * the block is stored instead. The answer depends only on the block's bytes, so compressing the
 * same layer again gives the same gzip bytes (resuming a push relies on that).
 */
final class IncompressibleBlocks implements AutoCloseable {

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

    /** Level-1 deflaters for the samples, reused across blocks and threads; ended on close. */
    private final Queue<Deflater> idle = new ConcurrentLinkedQueue<>();

    /** Whether the first {@code length} bytes of {@code block} should be stored rather than deflated. */
    boolean test(byte[] block, int length) {
        Deflater deflater = idle.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED, true);
        }
        try {
            long sampled = 0;
            long deflated = 0;
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
            return sampled > 0 && deflated * 100 > sampled * (100 - MIN_SAVING_PERCENT);
        } finally {
            idle.add(deflater);
        }
    }

    @Override
    public void close() {
        Deflater deflater;
        while ((deflater = idle.poll()) != null) {
            deflater.end();
        }
    }
}
