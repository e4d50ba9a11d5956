package io.github.harborupload.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk's body, read from the blob source while the HTTP client sends it rather than gathered
 * in the heap first: three uploaders each holding a 16 MiB array (and the garbage of the ones
 * before) were most of what a push added to the wizard's memory (docs/benchmarks.md).
 *
 * <p>The source is opened once up front, so a source that cannot give the chunk (an in-memory spool
 * asked for bytes it dropped) fails as it did before, not as a request without an answer. Each
 * further subscription (the client sends the chunk again after a 401) reads it anew. A source that
 * fails while being read is remembered, so the uploader stops with the source's own failure instead
 * of retrying it as a network failure.
 */
final class ChunkBody implements AutoCloseable {

    private final BlobSource source;
    private final long offset;
    private final int length;
    private final List<InputStream> opened = new ArrayList<>();
    private InputStream unread;
    private volatile IOException sourceFailure;

    private ChunkBody(BlobSource source, long offset, int length) throws IOException {
        this.source = source;
        this.offset = offset;
        this.length = length;
        this.unread = open();
    }

    /** The {@code length} bytes of {@code source} from {@code offset}, which exist already. */
    static ChunkBody of(BlobSource source, long offset, int length) throws IOException {
        return new ChunkBody(source, offset, length);
    }

    int length() {
        return length;
    }

    /** A body with its length known up front ({@code Content-Length}, never chunked transfer encoding). */
    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::next), length);
    }

    /** Throws the source's own failure if reading it failed during a send. */
    void rethrowSourceFailure() throws IOException {
        IOException failure = sourceFailure;
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes what the sends opened: the client leaves a stream open when the request fails midway. */
    @Override
    public synchronized void close() {
        for (InputStream in : opened) {
            try {
                in.close();
            } catch (IOException ignored) {
                // A read-only stream of a file or of memory: nothing is lost.
            }
        }
        opened.clear();
    }

    private synchronized InputStream next() {
        if (unread != null) {
            InputStream first = unread;
            unread = null;
            return first;
        }
        try {
            return open();
        } catch (IOException e) {
            sourceFailure = e;
            throw new UncheckedIOException(e);
        }
    }

    private synchronized InputStream open() throws IOException {
        InputStream in = new Bounded(source.openAt(offset));
        opened.add(in);
        return in;
    }

    /** The source's stream, ending after the chunk's bytes; its failures are remembered. */
    private final class Bounded extends FilterInputStream {
        private long left = length;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            try {
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new IOException("the blob source ended " + left + " bytes before the chunk's end at "
                            + (offset + length));
                }
                left -= n;
                return n;
            } catch (IOException e) {
                sourceFailure = e;
                throw e;
            }
        }
    }
}
