package io.github.harborupload.flow;

import io.github.harborupload.docker.PushOperation;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.reference.HarborTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One push under way or finished: the engine's operation and the progress model its events feed.
 * Faces read {@link #snapshot()} on their own schedule (the UI about 20 times a second), never
 * one update per event.
 */
public final class PushRun {

    private final HarborTarget target;
    private final PushProgress progress;
    private final PushOperation operation;

    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    PushRun(HarborTarget target, PushProgress progress, PushOperation operation) {
        this.target = target;
        this.progress = progress;
        this.operation = operation;
        operation.completion().whenComplete((result, failure) -> finishedNanos = System.nanoTime());
    }

    /** How long the push has run, or ran. */
    public Duration elapsed() {
        long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
        return Duration.ofNanos(end - startedNanos);
    }

    public HarborTarget target() {
        return target;
    }

    public PushSnapshot snapshot() {
        return progress.snapshot();
    }

    /** Stops the push: the engine stops when its stream is closed. Safe from any thread, any number of times. */
    public void cancel() {
        operation.cancel();
    }

    /** Completes with the digest and size, or fails with the engine layer's exception. */
    public CompletionStage<PushResult> completion() {
        return operation.completion();
    }

    public boolean isDone() {
        return operation.isDone();
    }

    /** The result, once the push has succeeded. */
    public Optional<PushResult> result() {
        CompletableFuture<PushResult> future = operation.completion().toCompletableFuture();
        return future.isDone() && !future.isCompletedExceptionally() ? Optional.of(future.join()) : Optional.empty();
    }
}
