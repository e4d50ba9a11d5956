package io.github.harborupload.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A push running in the engine, started by {@link DockerEngine#push}.
 *
 * <p>Threading: every item of the engine's stream goes to the listener as a {@link PushEvent} on
 * docker-java's own stream thread, one at a time and in stream order, the error or result item
 * included. Keep the listener quick (hand the event to a thread-safe model); if it throws, the push
 * is cancelled and {@link #await()} rethrows that exception. Once {@link #cancel()} has returned, no
 * event reaches the listener except one already being delivered at that moment.
 *
 * <p>The outcome does not depend on how the stream ended: the engine reports failures as an item
 * inside an HTTP 200 stream, so only the final digest counts as success.
 */
public final class PushOperation {

    private final String repository;
    private final String tag;
    private final Consumer<PushEvent> listener;
    private final EngineFailures failures;
    private final PushVerdict verdict = new PushVerdict();
    private final CompletableFuture<PushResult> done = new CompletableFuture<>();

    // Guarded by this: the open response (null until the engine answers) and whether to close it.
    private Closeable stream;
    private boolean cancelled;

    PushOperation(String repository, String tag, Consumer<PushEvent> listener, EngineFailures failures) {
        this.repository = repository;
        this.tag = tag;
        this.listener = listener;
        this.failures = failures;
    }

    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    /**
     * Stops the push: closes the stream, and the engine cancels a push whose connection closes. Safe
     * from any thread, any number of times; does nothing once the push has finished. {@link #await()}
     * ends at once; if the engine has not answered yet, the stream is closed as soon as it does.
     */
    public void cancel() {
        Closeable open;
        synchronized (this) {
            if (cancelled || done.isDone()) {
                return;
            }
            cancelled = true;
            open = stream;
        }
        closeQuietly(open);
        done.completeExceptionally(new PushCancelledException());
    }

    /**
     * Waits for the end of the push. Interrupting the waiting thread cancels the push.
     *
     * @return the digest and size the registry stored
     * @throws PushFailedException         the engine reported an error (its text, verbatim), refused
     *                                     the request, or the stream ended without a digest
     * @throws PushCancelledException      after {@link #cancel()} or an interrupt
     * @throws EngineUnreachableException  the engine could not be reached, or the connection broke
     */
    public PushResult await() {
        try {
            return done.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new PushCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new EngineException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** The same outcome as {@link #await()}, for callers that do not want to block a thread. */
    public CompletionStage<PushResult> completion() {
        return done.minimalCompletionStage();
    }

    public boolean isDone() {
        return done.isDone();
    }

    /** The docker-java side: what the stream thread calls. */
    ResultCallback<PushResponseItem> callback() {
        return new ResultCallback<>() {
            @Override
            public void onStart(Closeable response) {
                started(response);
            }

            @Override
            public void onNext(PushResponseItem item) {
                received(PushEvents.of(item));
            }

            @Override
            public void onError(Throwable failure) {
                failed(failure);
            }

            @Override
            public void onComplete() {
                ended();
            }

            @Override
            public void close() {
                cancel();
            }
        };
    }

    private void started(Closeable response) {
        boolean closeNow;
        synchronized (this) {
            stream = response;
            closeNow = cancelled;
        }
        if (closeNow) {
            closeQuietly(response); // cancelled before the engine answered
        }
    }

    private void received(PushEvent event) {
        synchronized (this) {
            if (cancelled || done.isDone()) {
                return;
            }
        }
        verdict.record(event);
        try {
            listener.accept(event);
        } catch (RuntimeException | Error listenerFailure) {
            fail(listenerFailure);
        }
    }

    /**
     * docker-java calls this when the request fails (HTTP error status, no connection) and, when the
     * stream breaks, before {@link #ended()}.
     */
    private void failed(Throwable failure) {
        boolean wasStarted;
        synchronized (this) {
            if (cancelled) {
                done.completeExceptionally(new PushCancelledException());
                return;
            }
            wasStarted = stream != null;
        }
        done.completeExceptionally(translate(failure, wasStarted));
    }

    private RuntimeException translate(Throwable failure, boolean wasStarted) {
        if (failure instanceof DockerException refused) {
            // e.g. 400 "Bad parameters and missing X-Registry-Auth: EOF", or Podman's 404 for a missing image
            return new PushFailedException(EngineFailures.engineMessage(refused), refused);
        }
        IOException io = EngineFailures.ioCause(failure);
        if (io != null) {
            return wasStarted ? failures.connectionLost(io, failure) : failures.fromTransport(io, failure);
        }
        return new PushFailedException(failure.toString(), failure);
    }

    private void ended() {
        try {
            done.complete(verdict.result());
        } catch (PushFailedException failure) {
            done.completeExceptionally(failure);
        }
    }

    private void fail(Throwable failure) {
        Closeable open;
        synchronized (this) {
            open = stream;
        }
        done.completeExceptionally(failure);
        closeQuietly(open);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing is how a push is stopped; a failure to close a dying stream changes nothing.
        }
    }
}
