package io.github.harborupload.gzip;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip on several threads, as one gzip member (pigz's scheme, what pgzip pushes for skopeo and
 * podman): the input is cut into blocks,
 * each deflated raw on the pool, seeded with the last 32 KiB of the block before it, ended with a
 * sync flush (the last block with a finish), and the pieces written in order between a header and
 * a trailer of our own. One member, because some decoders read only the first and drop the rest
 * silently.
 *
 * <p>The CRC32 (and the optional SHA-256 of the uncompressed bytes) runs on the writer's thread:
 * at ~26 GiB/s it costs nothing beside deflate, and needs no CRC combining. A write blocks while
 * {@link GzipSettings#blocksInFlight()} blocks wait for the pool, so memory stays flat. Not safe
 * for use by several writers at once; the pool may be shared by several streams.
 *
 * <p>A sample of each block ({@link BlockSample}) chooses its level: a block that does not shrink
 * is written as stored blocks instead of deflated (the same stream, a few bytes larger than the
 * input, at the cost of a copy); dense bytes may go at level 1.
 */
public final class ParallelGzipOutputStream extends OutputStream {

    /** ID1 ID2, CM=deflate, no flags, MTIME 0 (reproducible), XFL 0, OS 255 (unknown) as Go's writer. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final Executor pool;
    private final GzipSettings settings;
    private final CRC32 crc = new CRC32();
    private final MessageDigest uncompressedDigest;
    private final MessageDigest compressedDigest;
    private final Queue<Future<Piece>> inFlight = new ArrayDeque<>();
    /**
     * Input blocks and output buffers, reused: a layer sends gigabytes through them, and fresh
     * 1 MiB arrays that live as long as a block's deflate outlived young collections and piled up
     * in the old generation, which then grew the heap to its limit (docs/benchmarks.md).
     */
    private final Queue<byte[]> freeBlocks = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
    /** Deflaters of finished blocks by level, reused by later ones; all ended on close. */
    private final Map<Integer, Queue<Deflater>> idleDeflaters = new ConcurrentHashMap<>();
    private final BlockSample samples = new BlockSample();

    private byte[] block;
    private int filled;
    /** The previous block's last 32 KiB, the next block's dictionary; null for the first. */
    private byte[] dictionary;
    private long uncompressedBytes;
    private long compressedBytes;
    private boolean headerWritten;
    private boolean closed;
    private IOException failure;

    public ParallelGzipOutputStream(OutputStream out, Executor pool, GzipSettings settings) {
        this.out = Objects.requireNonNull(out, "out");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uncompressedDigest = settings.uncompressedDigest() ? sha256() : null;
        this.compressedDigest = settings.compressedDigest() ? sha256() : null;
        this.block = takeBlock();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        crc.update(bytes, offset, length);
        if (uncompressedDigest != null) {
            uncompressedDigest.update(bytes, offset, length);
        }
        uncompressedBytes += length;
        while (length > 0) {
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == block.length) {
                submit(false);
            }
        }
    }

    /** Writes out the blocks already deflated, without waiting for the rest; no sync flush. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            writeOldest();
        }
        out.flush();
    }

    /** Deflates the rest, writes the trailer and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                submit(true);
                while (!inFlight.isEmpty()) {
                    writeOldest();
                }
                byte[] trailer = new byte[8];
                putIntLe(trailer, 0, (int) crc.getValue());
                putIntLe(trailer, 4, (int) uncompressedBytes); // ISIZE: the size modulo 2^32
                emit(trailer, trailer.length);
            }
        } finally {
            abandonInFlight();
            idleDeflaters.values().forEach(idle -> idle.forEach(Deflater::end));
            samples.close();
            out.close();
        }
        if (failure != null) {
            throw new IOException("gzip: the stream failed: " + failure.getMessage(), failure);
        }
    }

    /** Bytes written into this stream. */
    public long uncompressedBytes() {
        return uncompressedBytes;
    }

    /** Bytes of gzip written to the underlying stream, header and trailer included. */
    public long compressedBytes() {
        return compressedBytes;
    }

    /** {@code sha256:<hex>} of the uncompressed bytes (a layer's diff_id), after close. */
    public String uncompressedDigest() {
        return digestAfterClose(uncompressedDigest);
    }

    /** {@code sha256:<hex>} of the gzip bytes (the blob's digest), after close. */
    public String compressedDigest() {
        return digestAfterClose(compressedDigest);
    }

    private String digestAfterClose(MessageDigest digest) {
        if (!closed || failure != null) {
            throw new IllegalStateException("the digest is known only after a successful close");
        }
        if (digest == null) {
            throw new IllegalStateException("this digest is off in these settings");
        }
        return "sha256:" + HexFormat.of().formatHex(((MessageDigest) clone(digest)).digest());
    }

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] seed = dictionary;
        inFlight.add(CompletableFuture.supplyAsync(() -> deflate(input, length, seed, last), pool));
        // Copied now: the block goes back to the pool once deflated, maybe before the next one starts.
        dictionary = last ? null : Arrays.copyOfRange(input, length - GzipSettings.WINDOW, length);
        block = last ? null : takeBlock();
        filled = 0;
        while (inFlight.size() > settings.blocksInFlight()) {
            writeOldest();
        }
    }

    /** A deflated (or stored) block: the first {@code length} bytes of a pooled buffer. */
    private record Piece(byte[] buffer, int length) {
    }

    private Piece deflate(byte[] input, int length, byte[] seed, boolean last) {
        try {
            int level = samples.levelFor(input, length, settings);
            byte[] output = takeOutput();
            if (level == Deflater.NO_COMPRESSION) {
                return new Piece(output, StoredBlocks.store(input, length, last, output));
            }
            Queue<Deflater> idle = idleDeflaters.computeIfAbsent(level, unused -> new ConcurrentLinkedQueue<>());
            Deflater deflater = idle.poll();
            if (deflater == null) {
                deflater = new Deflater(level, true);
            }
            try {
                if (seed != null) {
                    deflater.setDictionary(seed);
                }
                deflater.setInput(input, 0, length);
                if (last) {
                    deflater.finish();
                }
                int mode = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
                int size = 0;
                while (true) {
                    if (size == output.length) {
                        output = Arrays.copyOf(output, output.length * 2);
                    }
                    size += deflater.deflate(output, size, output.length - size, mode);
                    // Done when finished, or (sync flush) when deflate left room in the buffer: then
                    // it has taken all the input and flushed all of it.
                    if (last ? deflater.finished() : size < output.length) {
                        return new Piece(output, size);
                    }
                }
            } finally {
                deflater.reset();
                idle.add(deflater);
            }
        } finally {
            freeBlocks.add(input);
        }
    }

    private byte[] takeBlock() {
        byte[] free = freeBlocks.poll();
        return free != null ? free : new byte[settings.blockSize()];
    }

    /** Room for a whole block stored, more than deflate ever needs for one. */
    private byte[] takeOutput() {
        byte[] free = freeOutputs.poll();
        return free != null ? free : new byte[StoredBlocks.maxSize(settings.blockSize()) + 1024];
    }

    private void writeOldest() throws IOException {
        Piece piece;
        try {
            piece = inFlight.remove().get();
        } catch (ExecutionException e) {
            throw fail(new IOException("gzip: deflating a block failed: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new InterruptedIOException("gzip: interrupted while waiting for a block"));
        }
        emit(piece.buffer(), piece.length());
        freeOutputs.add(piece.buffer());
    }

    private void emit(byte[] bytes, int length) throws IOException {
        try {
            if (!headerWritten) {
                headerWritten = true;
                emit(HEADER, HEADER.length);
            }
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw fail(e);
        }
        if (compressedDigest != null) {
            compressedDigest.update(bytes, 0, length);
        }
        compressedBytes += length;
    }

    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private void ensureOpen() throws IOException {
        if (failure != null) {
            throw new IOException("gzip: the stream failed before: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IOException("gzip: the stream is closed");
        }
    }

    /** After a failure: waits for the blocks still on the pool, so their deflaters come back. */
    private void abandonInFlight() {
        Future<Piece> pending;
        while ((pending = inFlight.poll()) != null) {
            try {
                pending.get();
            } catch (ExecutionException e) {
                // Already failing; the first failure is the one reported.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void putIntLe(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >>> 8);
        into[at + 2] = (byte) (value >>> 16);
        into[at + 3] = (byte) (value >>> 24);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Object clone(MessageDigest digest) {
        try {
            return digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }
}
