package io.github.harborupload.push;

import java.time.Duration;

/**
 * Bytes per second over the last few seconds, not since the start: a push that slows down shows
 * it at once. Bytes are summed in a ring of short time slots, so adding costs no allocation and
 * reading costs a fixed handful of slots. Not thread-safe: {@link PushProgress} guards it.
 */
final class SpeedWindow {

    private static final int SLOTS = 20;

    private final long startNanos;
    private final long slotNanos;
    private final long[] slotBytes = new long[SLOTS];
    /** Which slot (counted from the start) each ring entry holds now; stale entries hold old numbers. */
    private final long[] slotNumber = new long[SLOTS];

    SpeedWindow(long startNanos, Duration window) {
        this.startNanos = startNanos;
        this.slotNanos = Math.max(1, window.toNanos() / SLOTS);
    }

    void add(long nanos, long bytes) {
        long slot = slotOf(nanos);
        int entry = (int) (slot % SLOTS);
        if (slotNumber[entry] != slot) {
            slotNumber[entry] = slot;
            slotBytes[entry] = 0;
        }
        slotBytes[entry] += bytes;
    }

    long bytesPerSecond(long nanos) {
        long current = slotOf(nanos);
        long oldest = Math.max(0, current - SLOTS + 1);
        long sum = 0;
        for (int entry = 0; entry < SLOTS; entry++) {
            if (slotNumber[entry] >= oldest && slotNumber[entry] <= current) {
                sum += slotBytes[entry];
            }
        }
        long span = Math.max(nanos, startNanos) - (startNanos + oldest * slotNanos);
        return span <= 0 ? 0 : (long) (sum * 1e9 / span);
    }

    private long slotOf(long nanos) {
        return Math.max(0, nanos - startNanos) / slotNanos;
    }
}
