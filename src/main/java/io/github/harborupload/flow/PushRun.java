package io.github.harborupload.flow;

import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.reference.HarborTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One push under way or finished, by either method: its outcome, how to stop it, and the progress
 * model it feeds.
 * Faces read {@link #snapshot()} on their own schedule (the UI about 20 times a second), never
 * one update per event.
 */
public final class PushRun {

    private final HarborTarget target;
    private final PushProgress progress;
    private final CompletableFuture<PushResult> completion;
    private final Runnable cancel;
    /** Null where the push cannot pause (the engine's). */
    private final Runnable pause;

    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    PushRun(HarborTarget target, PushProgress progress, CompletionStage<PushResult> completion, Runnable cancel) {
        this(target, progress, completion, cancel, null);
    }

    PushRun(HarborTarget target, PushProgress progress, CompletionStage<PushResult> completion, Runnable cancel,
            Runnable pause) {
        this.target = target;
        this.progress = progress;
        // The faces hear the end after the model knows it: a paused or stopped push's last snapshot
        // then shows the true share of bytes, whichever face reads it and whatever the method.
        this.completion = completion.toCompletableFuture().whenComplete((result, failure) -> {
            finishedNanos = System.nanoTime();
            if (failure != null) {
                progress.halted();
            }
        });
        this.cancel = cancel;
        this.pause = pause;
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

    /** Stops the push. Safe from any thread, any number of times. */
    public void cancel() {
        cancel.run();
    }

    /** Whether {@link #pause()} keeps what was sent: the project's own push can, the engine's cannot. */
    public boolean canPause() {
        return pause != null;
    }

    /**
     * Pauses the push: the chunk in flight finishes, then it stops, keeping what was sent; the same
     * push started again goes on from there. Where it {@linkplain #canPause() cannot pause}, cancels.
     */
    public void pause() {
        (pause != null ? pause : cancel).run();
    }

    /**
     * Completes with the digest and size, or fails with the cause: the engine layer's exception, the
     * registry's, the image archive's; {@code PushCancelledException} after {@link #cancel()},
     * {@code PushPausedException} after {@link #pause()}.
     */
    public CompletionStage<PushResult> completion() {
        return completion.minimalCompletionStage();
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /** The result, once the push has succeeded. */
    public Optional<PushResult> result() {
        return completion.isDone() && !completion.isCompletedExceptionally() ? Optional.of(completion.join()) : Optional.empty();
    }
}
