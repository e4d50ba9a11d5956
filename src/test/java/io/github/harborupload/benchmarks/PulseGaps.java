package io.github.harborupload.benchmarks;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * The time between JavaFX pulses while it runs. A running AnimationTimer asks for a pulse every
 * frame (60 a second), so any longer gap is time the FX thread (or the renderer it waits for, or a
 * garbage collection, or the operating system) kept the window from updating: what a user sees as
 * a freeze. Touch it on the FX thread only.
 */
final class PulseGaps extends AnimationTimer {

    static final long LONG_GAP_NANOS = 50_000_000L;

    /** The pulses' times (System.nanoTime), in order. */
    private final List<Long> pulses = new ArrayList<>();

    @Override
    public void handle(long now) {
        pulses.add(now);
    }

    @Override
    public void start() {
        pulses.clear();
        super.start();
    }

    /** Where the gaps longer than {@code nanos} began and ended (System.nanoTime, the same clock in every process). */
    List<long[]> gapsLongerThan(long nanos) {
        List<long[]> found = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            if (pulses.get(i) - pulses.get(i - 1) > nanos) {
                found.add(new long[] {pulses.get(i - 1), pulses.get(i)});
            }
        }
        return found;
    }

    /**
     * The longest gap over 50 ms that began after {@code after} and overlapped none of {@code
     * elsewhere}: a pause of this window's own, while the other window ran smoothly; 0 if none.
     */
    double longestOwnGapMillis(long after, List<long[]> elsewhere) {
        long longest = 0;
        for (long[] gap : gapsLongerThan(LONG_GAP_NANOS)) {
            boolean shared = elsewhere.stream().anyMatch(other -> other[0] < gap[1] && gap[0] < other[1]);
            if (gap[0] > after && !shared) {
                longest = Math.max(longest, gap[1] - gap[0]);
            }
        }
        return longest / 1e6;
    }

    /** The gaps of every pulse recorded. */
    Summary summary() {
        return summaryAfter(Long.MIN_VALUE);
    }

    /** The gaps that began after {@code nanos} (System.nanoTime): what came after a pulse's work. */
    Summary summaryAfter(long nanos) {
        List<Long> gaps = new ArrayList<>();
        StringBuilder longGaps = new StringBuilder();
        for (int i = 1; i < pulses.size(); i++) {
            long begin = pulses.get(i - 1);
            if (begin <= nanos) {
                continue;
            }
            long gap = pulses.get(i) - begin;
            gaps.add(gap);
            if (gap > LONG_GAP_NANOS) {
                longGaps.append(' ').append(Math.round((pulses.get(i) - pulses.get(0)) / 1e6))
                        .append(':').append(Math.round(gap / 1e6));
            }
        }
        if (gaps.isEmpty()) {
            return new Summary(0, 0, 0, 0, "");
        }
        gaps.sort(null);
        int over = (int) gaps.stream().filter(gap -> gap > LONG_GAP_NANOS).count();
        long p99 = gaps.get((int) Math.min(gaps.size() - 1, Math.round(gaps.size() * 0.99)));
        return new Summary(gaps.size(), gaps.get(gaps.size() - 1) / 1e6, p99 / 1e6, over, longGaps.toString().trim());
    }

    /**
     * @param pulses     gaps measured
     * @param maxMillis  the longest gap
     * @param p99Millis  the 99th percentile
     * @param over50     gaps longer than 50 ms
     * @param longGaps   those gaps as "ms since the first pulse:length in ms", in order
     */
    record Summary(int pulses, double maxMillis, double p99Millis, int over50, String longGaps) {
    }
}
