package io.github.harborupload.gzip;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that deflate blocks for {@link ParallelGzipOutputStream}. One pool may serve several
 * streams at once (a push compresses more than one layer); its owner shuts it down. Daemon
 * threads, so a forgotten pool never keeps the program alive.
 */
public final class DeflaterThreads {

    private DeflaterThreads() {
    }

    /** A fixed pool of {@code threads} daemon threads named {@code gzip-N}. */
    public static ExecutorService newPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gzip-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One thread per core: compression is the only CPU-bound step of a push. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
