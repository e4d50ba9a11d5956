package io.github.harborupload.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Engine threads feed the model while a face reads it. */
class PushProgressConcurrencyTest {

    private static final int FEEDERS = 4;
    private static final int LAYERS_PER_FEEDER = 5;
    private static final int STEPS = 2_000;
    private static final long LAYER_SIZE = 1_000_000;

    @Test
    void severalThreadsFeedWhileAnotherReads() throws Exception {
        PushProgress progress = new PushProgress();
        ExecutorService pool = Executors.newFixedThreadPool(FEEDERS + 1);
        AtomicBoolean feeding = new AtomicBoolean(true);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                double last = 0;
                while (feeding.get() || reads == 0) {
                    PushSnapshot now = progress.snapshot();
                    assertTrue(now.fraction() >= last, "went back");
                    assertTrue(now.fraction() <= 1);
                    for (LayerSnapshot layer : now.layers()) {
                        assertTrue(layer.total() < 0 || layer.bytes() <= layer.total());
                    }
                    last = now.fraction();
                    reads++;
                }
                return reads;
            });
            List<Future<?>> feeders = new ArrayList<>();
            for (int feeder = 0; feeder < FEEDERS; feeder++) {
                int id = feeder;
                feeders.add(pool.submit(() -> feed(progress, id)));
            }
            for (Future<?> feeder : feeders) {
                feeder.get(30, TimeUnit.SECONDS);
            }
            feeding.set(false);
            assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }

        PushSnapshot pushed = progress.snapshot();
        assertEquals(FEEDERS * LAYERS_PER_FEEDER, pushed.layers().size());
        assertTrue(pushed.layers().stream().allMatch(layer -> layer.state() == LayerState.PUSHED));
        assertEquals(FEEDERS * LAYERS_PER_FEEDER * LAYER_SIZE, pushed.bytesTotal());
        assertEquals(pushed.bytesTotal(), pushed.bytesDone());
        assertEquals(1.0, pushed.fraction());
        progress.accept(PushEvent.result("sha256:abc", 1));
        assertTrue(progress.snapshot().isSucceeded());
    }

    private static void feed(PushProgress progress, int feeder) {
        List<String> ids = new ArrayList<>();
        for (int layer = 0; layer < LAYERS_PER_FEEDER; layer++) {
            ids.add("f" + feeder + "l" + layer);
            progress.accept(PushEvent.status(ids.get(layer), "Preparing"));
        }
        for (int step = 1; step <= STEPS; step++) {
            for (String id : ids) {
                // A little more than the size at the end, as compressed bytes sometimes are.
                progress.accept(PushEvent.progress(id, step * (LAYER_SIZE + 100) / STEPS, LAYER_SIZE));
            }
        }
        for (String id : ids) {
            progress.accept(PushEvent.status(id, "Pushed"));
        }
    }
}
