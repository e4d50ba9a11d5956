package io.github.harborupload.pusher;

import io.github.harborupload.registry.BlobSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compressed bytes of one layer in a file of the cache folder, written once by the compressor
 * and read by the uploader while it still grows. Because the bytes are kept, a chunk the registry
 * lost, a new upload session or a resumed push reads them again instead of exporting and
 * compressing the layer a second time.
 *
 * <p>One writer ({@link #output()}), any number of readers ({@link #openAt(long)}); a reader that
 * reaches the bytes written so far waits in {@link #awaitAvailable(long)} for more, or for the end.
 *
 * <p>When the disk is short ({@link #inMemory}), only the bytes from the chunk being sent on are
 * kept, in memory, and the writer waits while {@link #MEMORY_AHEAD} of them are not asked for yet:
 * a chunk is sent again as before, but a new session from byte 0 fails, and the layer must be
 * exported and compressed again by a new push.
 */
final class SpooledBlob implements BlobSource, AutoCloseable {

    /** Bytes a spool in memory lets the compressor run ahead of what the uploader asked for. */
    static final int MEMORY_AHEAD = 8 << 20;

    /** Null for a spool in memory. */
    private final Path file;
    /** Why the spool is in memory, raised when bytes no longer kept are asked for; null for a file. */
    private final SpoolSpaceException shortage;

    // Guarded by this.
    private long length;
    private BlobRef complete;
    private IOException failure;
    private boolean readersStopped;
    /** The most bytes a reader has waited for: the writer of a spool in memory goes on at least that far. */
    private long asked;
    // In memory only: the writes from byte heldFrom on, as they came; emptied on close.
    private final Deque<byte[]> held = new ArrayDeque<>();
    private long heldFrom;
    private boolean closed;

    private SpooledBlob(Path file, SpoolSpaceException shortage) {
        this.file = file;
        this.shortage = shortage;
    }

    /** A new, empty spool file in {@code folder} (created if needed), readable by its owner only. */
    static SpooledBlob create(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file);
        return new SpooledBlob(file, null);
    }

    /** A spool that keeps in memory only what the uploader may still send, for a disk that is {@code short}. */
    static SpooledBlob inMemory(SpoolSpaceException shortage) {
        return new SpooledBlob(null, Objects.requireNonNull(shortage));
    }

    boolean isInMemory() {
        return file == null;
    }

    /**
     * A spool a paused or killed push completed, when its file still holds exactly {@code blob}: the
     * bytes are hashed again (a file cut short by a crash or changed since must not be sent).
     */
    static Optional<SpooledBlob> reopen(Path file, BlobRef blob) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
            String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            if (size != blob.size() || !digest.equals(blob.digest())) {
                return Optional.empty();
            }
            SpooledBlob spool = new SpooledBlob(file, null);
            spool.length = size;
            spool.complete = blob;
            return Optional.of(spool);
        } catch (IOException unreadable) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Where the compressor writes. Closing it does not complete the blob: {@link #complete()} does. */
    OutputStream output() throws IOException {
        if (isInMemory()) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int count) throws IOException {
                    hold(Arrays.copyOfRange(bytes, offset, offset + count));
                }
            };
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new OutputStream() {
            private final OutputStream out = Channels.newOutputStream(channel);

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int count) throws IOException {
                out.write(bytes, offset, count);
                grew(count);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** Keeps a write in memory, once the uploader has asked for the bytes before it or taken enough. */
    private synchronized void hold(byte[] piece) throws InterruptedIOException {
        try {
            while (length >= asked && length - heldFrom >= MEMORY_AHEAD && !readersStopped && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while the upload caught up");
        }
        if (readersStopped || closed) {
            // Paused, cancelled or failed: nobody will send these bytes.
            throw new InterruptedIOException("the upload of this layer has stopped");
        }
        held.add(piece);
        grew(piece.length);
    }

    private synchronized void grew(long count) {
        length += count;
        notifyAll();
    }

    /** Every byte is written, and this is the blob they make: readers waiting at the end stop waiting. */
    synchronized void complete(BlobRef blob) {
        if (blob.size() != length) {
            throw new IllegalStateException("the spool holds " + length + " bytes, not " + blob.size());
        }
        complete = blob;
        notifyAll();
    }

    /** The writer failed: readers waiting for more get {@code cause}. */
    synchronized void fail(IOException cause) {
        failure = Objects.requireNonNull(cause);
        notifyAll();
    }

    @Override
    public synchronized boolean isComplete() {
        return complete != null;
    }

    @Override
    public synchronized String digest() {
        return completed().digest();
    }

    @Override
    public synchronized long size() {
        return completed().size();
    }

    private BlobRef completed() {
        if (complete == null) {
            throw new IllegalStateException("the layer is still being compressed");
        }
        return complete;
    }

    /**
     * Waits until {@code wanted} bytes are written, or the blob is complete, and returns the length
     * then. So the uploader asks for a whole chunk and gets it, or the rest of the blob.
     *
     * @throws IOException the writer failed
     */
    @Override
    public synchronized long awaitAvailable(long wanted) throws IOException, InterruptedException {
        // The uploader asks before each chunk: a pause stops it here, between chunks, never inside one.
        if (readersStopped) {
            throw new InterruptedException("paused");
        }
        if (wanted > asked) {
            asked = wanted;
            notifyAll();
        }
        while (length < wanted && complete == null) {
            if (failure != null) {
                throw new IOException("the layer could not be compressed", failure);
            }
            wait();
            if (readersStopped) {
                throw new InterruptedException("paused");
            }
        }
        return length;
    }

    /** A pause: a reader asking for its next chunk is stopped, one sending a chunk finishes it first. */
    synchronized void stopReaders() {
        readersStopped = true;
        notifyAll();
    }

    /**
     * How many of the first bytes of {@code earlier}, the partial spool of the same layer from a
     * paused or killed run, this spool repeats: waits until this one is as long (or complete), then
     * compares. The parallel gzip gives the same bytes for the same layer, level and block size, so
     * all but the end an interrupted compressor wrote when it closed; the registry's session of the
     * earlier bytes can be continued as far as they are repeated.
     */
    long commonPrefix(Path earlier) throws IOException, InterruptedException {
        long wanted = Math.min(Files.size(earlier), awaitAvailable(Files.size(earlier)));
        try (InputStream before = new BufferedInputStream(Files.newInputStream(earlier));
                InputStream now = new BufferedInputStream(openAt(0))) {
            long same = 0;
            while (same < wanted && before.read() == now.read()) {
                same++;
            }
            return same;
        }
    }

    /** The file's name in its folder, for the push's saved state. */
    String fileName() {
        return file.getFileName().toString();
    }

    /** The bytes from {@code offset} on, up to what is written when each read happens. */
    @Override
    public InputStream openAt(long offset) throws IOException {
        if (isInMemory()) {
            return openHeld(offset);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    /**
     * In memory: the bytes from {@code offset}, which the uploader never goes back before except
     * for a new session; so what lies before it is dropped, and the writer may go on.
     *
     * @throws SpoolSpaceException the bytes at {@code offset} were dropped already
     */
    private synchronized InputStream openHeld(long offset) throws SpoolSpaceException {
        if (offset < heldFrom) {
            throw new SpoolSpaceException(shortage.folder(), shortage.needed(), shortage.usable());
        }
        while (!held.isEmpty() && heldFrom + held.peek().length <= offset) {
            heldFrom += held.poll().length;
        }
        notifyAll();
        List<InputStream> pieces = new ArrayList<>();
        long at = heldFrom;
        for (byte[] piece : held) {
            int skip = (int) Math.max(0, offset - at);
            pieces.add(new ByteArrayInputStream(piece, skip, piece.length - skip));
            at += piece.length;
        }
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** Removes the file, or drops the bytes held in memory; the push needs them no more. */
    @Override
    public void close() throws IOException {
        if (isInMemory()) {
            synchronized (this) {
                closed = true;
                held.clear();
                notifyAll();
            }
        } else {
            Files.deleteIfExists(file);
        }
    }
}
