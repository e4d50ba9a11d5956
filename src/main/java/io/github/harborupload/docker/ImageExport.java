package io.github.harborupload.docker;

import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The {@code docker save} tar of one image as it streams out of the engine
 * ({@code GET /images/{name}/get}); made by {@link DockerEngine#export(String)}. Nothing is kept:
 * the bytes pass straight from the engine's socket to the reader.
 *
 * <p>dockerd writes the whole image into a temporary folder before it sends the first byte
 * (moby {@code image/tarexport/save.go}; about 5 ms per MB here, seconds to minutes for a large
 * image). Meanwhile {@link #read()} blocks, and {@link #started()} is not complete yet: show "Docker
 * is preparing the image…" until it completes.
 *
 * <p>Failures: reading throws the engine layer's exceptions, unchecked —
 * {@link ImageNotFoundException}, {@link EngineUnreachableException} (also when the connection
 * breaks in the middle), {@link EngineException} for the engine's refusal in its own words.
 * {@link #close()} at any time aborts the request and frees its connection at once, without
 * reading the rest; closing while the engine still prepares drops the answer when it comes.
 *
 * <p>Read from one thread; {@link #close()} and {@link #started()} may be called from any.
 */
public final class ImageExport extends InputStream {

    private final CompletableFuture<Response> answer;
    private final CompletableFuture<Void> started;
    private final EngineFailures failures;
    private volatile boolean closed;

    ImageExport(CompletableFuture<Response> answer, EngineFailures failures) {
        this.answer = answer;
        this.failures = failures;
        this.started = answer.thenApply(response -> null);
        // A close that came while the engine was still preparing: the answer is not wanted.
        answer.thenAccept(response -> {
            if (closed) {
                response.close();
            }
        });
    }

    /**
     * Completes when the engine sends the first byte (the tar begins), or fails with what
     * {@link #read()} would throw (inside a {@code CompletionException}, as dependent stages do).
     * Completes on the thread that waited for the engine: hand UI work to the UI thread.
     */
    public CompletionStage<Void> started() {
        return started.minimalCompletionStage();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        InputStream body = body();
        try {
            return body.read(buffer, offset, length);
        } catch (IOException e) {
            if (closed) {
                throw e;
            }
            throw failures.connectionLost(e, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        InputStream body = body();
        try {
            return body.skip(n);
        } catch (IOException e) {
            if (closed) {
                throw e;
            }
            throw failures.connectionLost(e, e);
        }
    }

    @Override
    public int available() throws IOException {
        return answer.isDone() && !closed ? body().available() : 0;
    }

    private InputStream body() throws IOException {
        if (closed) {
            throw new IOException("the image export was closed");
        }
        try {
            // Through started, not answer: answer.get() returns before answer's dependents have
            // run, and a reader must never see bytes while started() is still incomplete.
            started.get();
            return answer.join().getBody();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while Docker prepared the image");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new EngineException(String.valueOf(cause), cause);
    }

    /**
     * Aborts the request: the connection is shut, not drained, so dockerd stops writing. Does not
     * wait for an engine still preparing the image.
     */
    @Override
    public void close() {
        closed = true;
        // An export that failed has no connection left to close.
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            answer.join().close();
        }
    }
}
