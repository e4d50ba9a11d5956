package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.reference.HarborTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What a face reads when a push ends without a digest: the true share of bytes (PushProgress), not
 * the running bar's held fraction; a stopped push showed 94 % beside "83.9 of 125.8 MB".
 */
class PushRunTest {

    private static final HarborTarget TARGET = new HarborTarget("harbor.example.edu", "user-alice", "pytorch", "v1");

    @Test
    void aStoppedPushsLastSnapshotShowsTheShareOfBytesTheRegistryHolds() {
        PushProgress progress = new PushProgress();
        // The second layer's size comes late, so the running bar holds 25 % above the bytes' 50/1100.
        progress.accept(PushEvent.status("a", "Preparing"));
        progress.accept(PushEvent.status("b", "Preparing"));
        progress.accept(PushEvent.progress("a", 50, 100));
        progress.snapshot();
        progress.accept(PushEvent.progress("b", 0, 1000));
        CompletableFuture<PushResult> engine = new CompletableFuture<>();
        PushRun run = new PushRun(TARGET, progress, engine, () -> engine.completeExceptionally(new PushCancelledException()));
        assertEquals(0.25, run.snapshot().fraction(), 1e-9);

        AtomicReference<PushSnapshot> heard = new AtomicReference<>();
        run.completion().whenComplete((result, failure) -> heard.set(run.snapshot()));
        run.cancel();
        assertEquals(50.0 / 1100, heard.get().fraction(), 1e-9, "the face hears the end after the model knows it");
    }
}
