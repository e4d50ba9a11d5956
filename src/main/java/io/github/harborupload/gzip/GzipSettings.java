package io.github.harborupload.gzip;

import java.util.zip.Deflater;

/**
 * How a {@link ParallelGzipOutputStream} compresses.
 *
 * @param level           the deflate level, 1 (fastest) … 9 (smallest)
 * @param blockSize       bytes of input per block; at least the 32 KiB deflate window, so each
 *                        block's dictionary is the tail of the one before it
 * @param blocksInFlight  blocks handed to the pool and not yet written out; bounds memory to about
 *                        {@code blocksInFlight × 2 × blockSize} whatever the layer's size
 * @param uncompressedDigest whether to hash the uncompressed bytes (the layer's diff_id) with
 *                           SHA-256 on the way; off where the caller hashes them already (the
 *                           pusher: the archive reader checks each layer against its diff_id)
 * @param compressedDigest   whether to hash the compressed bytes (the blob's digest) on the way
 * @param denseBlocksFast    whether blocks of dense bytes (machine code) go at level 1 rather than
 *                           {@code level}: a few % more bytes for much less CPU ({@link BlockSample})
 */
public record GzipSettings(int level, int blockSize, int blocksInFlight, boolean uncompressedDigest,
        boolean compressedDigest, boolean denseBlocksFast) {

    /** The deflate window: the most a block can refer back into the one before it. */
    public static final int WINDOW = 32 * 1024;

    /**
     * Level 4, chosen by measurement (docs/benchmarks.md, issue 18): the cheapest level whose output
     * stays within 10 % of docker's (Harbor's quota counts compressed bytes) both on real binaries
     * (1.01 × docker's size, about half the CPU time of level 6) and on text-heavy trees such as
     * Python packages and headers, where levels 1–3 came out 11–19 % larger than {@code gzip -6}.
     */
    public static final int DEFAULT_LEVEL = 4;

    /** 1 MiB, pigz's default of 128 KiB × 8: large enough that the sync flushes cost < 0.1 %. */
    public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

    public GzipSettings {
        if (level < Deflater.BEST_SPEED || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("level must be 1 to 9: " + level);
        }
        if (blockSize < WINDOW) {
            throw new IllegalArgumentException("blockSize must be at least " + WINDOW + ": " + blockSize);
        }
        if (blocksInFlight < 1) {
            throw new IllegalArgumentException("blocksInFlight must be at least 1: " + blocksInFlight);
        }
    }

    /**
     * Up to this many threads, compression rather than the network bounds a push, and dense blocks
     * go at level 1. Level 4 on two cores gives ~35 MB/s of gzip (docs/benchmarks.md); at about six
     * cores it outruns a 1 Gbit/s link, and then the smaller layer is the faster one.
     */
    public static final int FEW_THREADS = 4;

    /**
     * The default level and block size, two blocks in flight per thread, with both digests; dense
     * blocks at level 1 on {@link #FEW_THREADS} threads or fewer.
     */
    public static GzipSettings defaults(int threads) {
        return new GzipSettings(DEFAULT_LEVEL, DEFAULT_BLOCK_SIZE, 2 * Math.max(1, threads), true, true,
                threads <= FEW_THREADS);
    }

    public GzipSettings withLevel(int newLevel) {
        return new GzipSettings(newLevel, blockSize, blocksInFlight, uncompressedDigest, compressedDigest, denseBlocksFast);
    }

    public GzipSettings withBlockSize(int newBlockSize) {
        return new GzipSettings(level, newBlockSize, blocksInFlight, uncompressedDigest, compressedDigest, denseBlocksFast);
    }

    /** The same without hashing the bytes going in: for a caller that hashes them itself. */
    public GzipSettings withoutUncompressedDigest() {
        return new GzipSettings(level, blockSize, blocksInFlight, false, compressedDigest, denseBlocksFast);
    }

    /** The same with dense blocks at level 1, or at {@link #level()}. */
    public GzipSettings withDenseBlocksFast(boolean fast) {
        return new GzipSettings(level, blockSize, blocksInFlight, uncompressedDigest, compressedDigest, fast);
    }
}
