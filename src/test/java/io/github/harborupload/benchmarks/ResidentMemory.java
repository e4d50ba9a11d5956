package io.github.harborupload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The resident set size of a process (VmRSS in /proc/<pid>/status, Linux), now or at its highest over a while. */
final class ResidentMemory {

    private final AtomicLong highestKib = new AtomicLong();
    private volatile boolean sampling;
    private Thread sampler;

    static long currentKib() {
        return kibOf(ProcessHandle.current().pid());
    }

    static long kibOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
    }

    /** Samples every 100 ms on a thread of its own until {@link #stop()}. */
    void start() {
        highestKib.set(currentKib());
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                highestKib.accumulateAndGet(currentKib(), Math::max);
                Fx.sleep(100);
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns the highest VmRSS seen, in KiB. */
    long stop() throws InterruptedException {
        sampling = false;
        sampler.join();
        return highestKib.get();
    }
}
