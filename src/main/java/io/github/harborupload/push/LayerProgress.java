package io.github.harborupload.push;

/**
 * One layer while the push runs. Not thread-safe: {@link PushProgress} guards it. The methods say
 * whether anything changed, so the model knows when the push last made progress.
 */
final class LayerProgress {

    private final String id;
    private LayerState state = LayerState.PREPARING;
    private long total = -1;
    /** Bytes of the current attempt: the engine starts a layer again from 0 after a retry. */
    private long attemptBytes;
    /** The most bytes any attempt reached: what the overall progress counts, so it never drops. */
    private long creditedBytes;
    private String mountedFrom;
    private int retrySeconds = -1;
    private int retries;

    LayerProgress(String id) {
        this.id = id;
    }

    LayerState state() {
        return state;
    }

    long total() {
        return total;
    }

    int retries() {
        return retries;
    }

    /**
     * Bytes the overall progress counts for this layer: all of it once pushed (compressible layers
     * reach "Pushed" below their total), else the best attempt so far.
     */
    long creditedBytes() {
        return state == LayerState.PUSHED && total > 0 ? total : creditedBytes;
    }

    /** A "Pushing" message; returns the bytes newly sent (0 when none or when this layer is done). */
    long pushing(long current, long reportedTotal) {
        if (state.isDone()) {
            return 0;
        }
        if (state == LayerState.RETRYING) {
            attemptBytes = 0;
        }
        state = LayerState.PUSHING;
        retrySeconds = -1;
        if (reportedTotal > 0) {
            total = reportedTotal;
        }
        // current counts compressed bytes and total the uncompressed size: current can pass total.
        long clamped = total > 0 ? Math.min(current, total) : current;
        if (clamped <= attemptBytes) {
            return 0;
        }
        long sent = clamped - attemptBytes;
        attemptBytes = clamped;
        creditedBytes = Math.max(creditedBytes, attemptBytes);
        return sent;
    }

    /** Preparing, Waiting, Pushed, Layer already exists; returns whether the state changed. */
    boolean moveTo(LayerState next) {
        if (state.isDone() || state == next) {
            return false;
        }
        state = next;
        retrySeconds = -1;
        return true;
    }

    boolean mountedFrom(String repository) {
        boolean changed = moveTo(LayerState.MOUNTED);
        if (changed) {
            mountedFrom = repository;
        }
        return changed;
    }

    /**
     * "Retrying in N seconds". The engine counts down once a second; a countdown that starts again
     * (its seconds go up) is the next retry. Returns whether this is a new retry: the ticks of one
     * countdown are not progress.
     */
    boolean retrying(int seconds) {
        if (state.isDone()) {
            return false;
        }
        boolean newRetry = state != LayerState.RETRYING || seconds > retrySeconds;
        state = LayerState.RETRYING;
        retrySeconds = seconds;
        if (newRetry) {
            retries++;
        }
        return newRetry;
    }

    /** The push ended in an error; returns whether this layer was still unfinished. */
    boolean fail() {
        return moveTo(LayerState.FAILED);
    }

    LayerSnapshot snapshot() {
        long bytes = state == LayerState.PUSHED && total > 0 ? total : attemptBytes;
        return new LayerSnapshot(id, state, bytes, total, mountedFrom, retrySeconds, retries);
    }
}
