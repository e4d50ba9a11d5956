package io.github.harborupload.gzip;

/**
 * Bytes as deflate's stored blocks (RFC 1951, 3.2.4: BTYPE 00): the bytes themselves behind a
 * 5-byte header per 65,535, 0.008 % more, for a block that deflate cannot shrink. A stored block
 * starts on a byte boundary, where every piece of a {@link ParallelGzipOutputStream} starts (after
 * the header or a sync flush), and ends on one, so the next piece follows it as it would a flush.
 */
final class StoredBlocks {

    /** The most one stored block holds: its length is 16 bits. */
    static final int MAX_LENGTH = 0xffff;

    private static final int HEADER = 5;

    private StoredBlocks() {
    }

    /** The most {@link #store} writes for {@code length} bytes. */
    static int maxSize(int length) {
        return length + Math.max(1, (length + MAX_LENGTH - 1) / MAX_LENGTH) * HEADER;
    }

    /**
     * The first {@code length} bytes of {@code input} stored into {@code output}, which holds at
     * least {@link #maxSize}; the last of them is the stream's final block when {@code last}.
     *
     * @return the bytes written
     */
    static int store(byte[] input, int length, boolean last, byte[] output) {
        int blocks = Math.max(1, (length + MAX_LENGTH - 1) / MAX_LENGTH);
        int in = 0;
        int out = 0;
        for (int block = 0; block < blocks; block++) {
            int n = Math.min(MAX_LENGTH, length - in);
            // BFINAL in the lowest bit, BTYPE 00 in the next two, the rest of the byte is padding.
            output[out] = (byte) (last && block == blocks - 1 ? 1 : 0);
            output[out + 1] = (byte) n;
            output[out + 2] = (byte) (n >>> 8);
            output[out + 3] = (byte) ~n;
            output[out + 4] = (byte) (~n >>> 8);
            System.arraycopy(input, in, output, out + HEADER, n);
            in += n;
            out += HEADER + n;
        }
        return out;
    }
}
