package io.github.harborupload.cli.progress;

import io.github.harborupload.push.PushSnapshot;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a progress view the push's latest snapshot on a fixed schedule, on a thread of its own, so
 * the terminal is redrawn at a steady rate however many events the engine sends.
 */
public final class ProgressTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTicker.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "harbor-upload-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final Supplier<PushSnapshot> snapshots;
    private final ProgressView view;

    public ProgressTicker(Supplier<PushSnapshot> snapshots, ProgressView view, Duration period) {
        this.snapshots = snapshots;
        this.view = view;
        timer.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            view.update(snapshots.get());
        } catch (RuntimeException e) {
            // A view that fails once must not end the schedule: the next picture may work.
            LOG.debug("progress update failed", e);
        }
    }

    /** Stops the schedule, waits for a picture being drawn, then draws the final state once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        view.finish(snapshots.get());
    }
}
