package io.github.harborupload.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress model on hand-made events and a clock the test moves. */
class PushProgressTest {

    private static final long MB = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final PushProgress progress = new PushProgress(-1, PushProgress.DEFAULT_STALL_TIME, clock::get);

    private void after(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    private LayerSnapshot layer(int index) {
        return progress.snapshot().layers().get(index);
    }

    @Test
    void aTinyLayerThatSendsMoreThanItsSizeStopsAtItsSize() {
        progress.accept(PushEvent.progress("a", 10240, 8));
        assertEquals(8, layer(0).bytes());
        assertEquals(8, layer(0).total());
        assertEquals(1.0, layer(0).fraction());
    }

    @Test
    void aCompressibleLayerCountsWhollyOncePushed() {
        progress.accept(PushEvent.progress("a", 3 * MB, 10 * MB));
        assertEquals(0.3, progress.snapshot().fraction(), 1e-9);
        progress.accept(PushEvent.status("a", "Pushed"));
        PushSnapshot pushed = progress.snapshot();
        assertEquals(10 * MB, pushed.layers().get(0).bytes());
        assertEquals(10 * MB, pushed.bytesDone());
        assertEquals(1.0, pushed.fraction());
    }

    @Test
    void bytesDoNotGoBackWithinAnAttempt() {
        progress.accept(PushEvent.progress("a", 5 * MB, 10 * MB));
        progress.accept(PushEvent.progress("a", 4 * MB, 10 * MB));
        assertEquals(5 * MB, layer(0).bytes());
    }

    @Test
    void aRetriedLayerStartsAgainFromZeroWhileTheOverallBarWaits() {
        progress.accept(PushEvent.progress("a", 6 * MB, 10 * MB));
        progress.accept(PushEvent.progress("b", 10 * MB, 10 * MB));
        progress.accept(PushEvent.status("b", "Pushed"));
        progress.accept(PushEvent.status("a", "Retrying in 5 seconds"));
        PushSnapshot retrying = progress.snapshot();
        assertEquals(LayerState.RETRYING, retrying.layers().get(0).state());
        assertEquals(5, retrying.layers().get(0).retrySeconds());
        assertEquals(16 * MB, retrying.bytesDone());
        assertEquals(0.8, retrying.fraction(), 1e-9);

        progress.accept(PushEvent.progress("a", 1 * MB, 10 * MB));
        PushSnapshot again = progress.snapshot();
        assertEquals(1 * MB, again.layers().get(0).bytes(), "the layer shows the new attempt");
        assertEquals(16 * MB, again.bytesDone(), "the overall bar keeps what the first attempt reached");
        assertEquals(0.8, again.fraction(), 1e-9);

        progress.accept(PushEvent.progress("a", 9 * MB, 10 * MB));
        assertEquals(19 * MB, progress.snapshot().bytesDone());
        assertEquals(0.95, progress.snapshot().fraction(), 1e-9);
        assertEquals(1, progress.snapshot().retries());
    }

    @Test
    void theShownFractionHoldsWhenALaterLayerTurnsOutBig() {
        progress.accept(PushEvent.status("a", "Preparing"));
        progress.accept(PushEvent.status("b", "Preparing"));
        progress.accept(PushEvent.progress("a", 50, 100));
        PushSnapshot guess = progress.snapshot();
        assertEquals(200, guess.bytesTotal(), "b is guessed as big as the average known layer");
        assertTrue(guess.totalEstimated());
        assertEquals(0.25, guess.fraction(), 1e-9);

        progress.accept(PushEvent.progress("b", 0, 1000));
        PushSnapshot known = progress.snapshot();
        assertEquals(1100, known.bytesTotal());
        assertFalse(known.totalEstimated());
        assertEquals(0.25, known.fraction(), 1e-9, "held, not dropped to 50/1100");

        progress.accept(PushEvent.progress("b", 500, 1000));
        assertEquals(550.0 / 1100, progress.snapshot().fraction(), 1e-9, "moves again once past");
    }

    /**
     * The lead's report of a stopped push: the bar said 94 % beside "83.9 of 125.8 MB". Smoothing
     * is for a running push; a paused or stopped one shows the share of bytes the registry holds.
     */
    @Test
    void aHaltedPushShowsTheTrueShareOfBytesNotTheHeldFraction() {
        progress.accept(PushEvent.status("a", "Preparing"));
        progress.accept(PushEvent.status("b", "Preparing"));
        progress.accept(PushEvent.progress("a", 50, 100));
        assertEquals(0.25, progress.snapshot().fraction(), 1e-9, "b guessed as big as a");
        progress.accept(PushEvent.progress("b", 0, 1000));
        assertEquals(0.25, progress.snapshot().fraction(), 1e-9, "running: held above 50/1100");

        progress.halted();
        PushSnapshot halted = progress.snapshot();
        assertEquals(50.0 / 1100, halted.fraction(), 1e-9);
        assertEquals((double) halted.bytesDone() / halted.bytesTotal(), halted.fraction(), 1e-9,
                "the same figure as the bytes line");
    }

    @Test
    void aFailedPushShowsTheTrueShareOfBytes() {
        progress.accept(PushEvent.status("a", "Preparing"));
        progress.accept(PushEvent.status("b", "Preparing"));
        progress.accept(PushEvent.progress("a", 50, 100));
        assertEquals(0.25, progress.snapshot().fraction(), 1e-9);
        progress.accept(PushEvent.progress("b", 0, 1000));
        progress.failed("blob upload unknown");
        assertEquals(50.0 / 1100, progress.snapshot().fraction(), 1e-9);
    }

    @Test
    void theImageSizeIsTheTotalUntilTheLayersOutgrowIt() {
        PushProgress hinted = new PushProgress(150, PushProgress.DEFAULT_STALL_TIME, clock::get);
        hinted.accept(PushEvent.status("a", "Preparing"));
        hinted.accept(PushEvent.status("b", "Preparing"));
        hinted.accept(PushEvent.progress("a", 30, 100));
        assertEquals(150, hinted.snapshot().bytesTotal());
        assertEquals(0.2, hinted.snapshot().fraction(), 1e-9);
        // The size given was too small: fall back to the average guess rather than claim 100 %.
        hinted.accept(PushEvent.progress("a", 100, 100));
        hinted.accept(PushEvent.status("a", "Pushed"));
        hinted.accept(PushEvent.status("c", "Preparing"));
        hinted.accept(PushEvent.progress("b", 10, 80));
        assertEquals(180 + 90, hinted.snapshot().bytesTotal());
    }

    @Test
    void unknownStatusesChangeNothing() {
        progress.accept(PushEvent.status("a", "Preparing"));
        progress.accept(PushEvent.status("a", "Frobnicating"));
        progress.accept(PushEvent.status("z", "Something new"));
        progress.accept(PushEvent.status(null, "Something image-wide"));
        progress.accept(new PushEvent("a", null, -1, -1, null, null, -1));
        PushSnapshot now = progress.snapshot();
        assertEquals(1, now.layers().size());
        assertEquals(LayerState.PREPARING, now.layers().get(0).state());
        assertNull(now.repository());
        assertEquals(PushOutcome.RUNNING, now.outcome());
    }

    @Test
    void aLayerThatIsDoneStaysDone() {
        progress.accept(PushEvent.status("a", "Layer already exists"));
        progress.accept(PushEvent.status("a", "Waiting"));
        progress.accept(PushEvent.progress("a", 5, 10));
        assertEquals(LayerState.ALREADY_EXISTS, layer(0).state());
        assertEquals(0, progress.snapshot().bytesDone());
    }

    @Test
    void aSuccessfulPushMarksEveryLayerPushedAndIgnoresWhatComesAfter() {
        progress.accept(PushEvent.progress("a", 5, 10));
        progress.accept(PushEvent.result("sha256:abc", 99));
        progress.accept(PushEvent.failure("late"));
        PushSnapshot end = progress.snapshot();
        assertEquals(LayerState.PUSHED, end.layers().get(0).state());
        assertEquals(1.0, end.fraction());
        assertEquals("sha256:abc", end.digest());
        assertEquals(99, end.size());
        assertNull(end.error());
    }

    @Test
    void onlyTheEngineLayersResultEventEndsThePush() {
        // Issue 14: docker.PushEvents decides which item is the result; the model reads no status text for it.
        progress.accept(PushEvent.status(null, "v1: digest: sha256:abc size: 10"));
        assertFalse(progress.snapshot().isSucceeded());
        progress.accept(PushEvent.result("sha256:abc", 10));
        assertEquals("sha256:abc", progress.snapshot().digest());
        assertEquals(10, progress.snapshot().size());
        assertTrue(progress.snapshot().isSucceeded());
    }

    @Test
    void noProgressForTheStallTimeIsAStall() {
        progress.accept(PushEvent.progress("a", 1 * MB, 10 * MB));
        after(Duration.ofSeconds(29));
        assertFalse(progress.snapshot().stalled());
        assertEquals(29, progress.snapshot().secondsWithoutProgress());
        after(Duration.ofSeconds(1));
        assertTrue(progress.snapshot().stalled());

        progress.accept(PushEvent.progress("a", 2 * MB, 10 * MB));
        assertFalse(progress.snapshot().stalled());
        assertEquals(0, progress.snapshot().secondsWithoutProgress());
    }

    @Test
    void repeatedBytesAndCountdownTicksAreNotProgress() {
        progress.accept(PushEvent.progress("a", 10 * MB, 10 * MB));
        progress.accept(PushEvent.progress("b", 1 * MB, 10 * MB));
        progress.accept(PushEvent.status("b", "Retrying in 5 seconds"));
        for (int seconds = 4; seconds >= 1; seconds--) {
            after(Duration.ofSeconds(8));
            progress.accept(PushEvent.progress("a", 10 * MB, 10 * MB)); // the full bar, again
            progress.accept(PushEvent.status("b", "Retrying in " + seconds + (seconds == 1 ? " second" : " seconds")));
        }
        PushSnapshot stuck = progress.snapshot();
        assertTrue(stuck.stalled(), "32 s of countdown and a full bar that does not move");
        assertEquals(1, stuck.retries());
    }

    @Test
    void aFinishedPushIsNeverStalled() {
        progress.accept(PushEvent.failure("denied"));
        after(Duration.ofMinutes(5));
        assertFalse(progress.snapshot().stalled());
    }

    @Test
    void speedIsMeasuredOverTheLastSecondsAndGivesTheTimeLeft() {
        long sent = 0;
        progress.accept(PushEvent.progress("a", 0, 200 * MB));
        for (int tick = 0; tick < 100; tick++) { // 10 MB/s for 10 s
            after(Duration.ofMillis(100));
            sent += 1 * MB;
            progress.accept(PushEvent.progress("a", sent, 200 * MB));
        }
        PushSnapshot fast = progress.snapshot();
        assertEquals(10 * MB, fast.bytesPerSecond(), 0.05 * 10 * MB);
        assertEquals(10, fast.secondsLeft(), 1, "100 MB left at 10 MB/s");

        for (int tick = 0; tick < 6; tick++) { // then 1 MB/s for 6 s
            after(Duration.ofSeconds(1));
            sent += 1 * MB;
            progress.accept(PushEvent.progress("a", sent, 200 * MB));
        }
        PushSnapshot slow = progress.snapshot();
        assertEquals(1 * MB, slow.bytesPerSecond(), 0.25 * MB, "the window forgets the fast start");
        assertEquals(94, slow.secondsLeft(), 20);

        after(Duration.ofSeconds(6));
        PushSnapshot quiet = progress.snapshot();
        assertEquals(0, quiet.bytesPerSecond());
        assertEquals(-1, quiet.secondsLeft(), "unknown without speed");
    }

    @Test
    void layerStatesReadInBothLanguages() {
        Translator english = new Translator(Language.ENGLISH);
        Translator chinese = new Translator(Language.CHINESE);
        LayerSnapshot mounted = new LayerSnapshot("a", LayerState.MOUNTED, 0, -1, "other/lib", -1, 0);
        assertEquals("Mounted from other/lib", english.text(mounted.stateText()));
        assertEquals("已从 other/lib 挂载", chinese.text(mounted.stateText()));
        LayerSnapshot retrying = new LayerSnapshot("a", LayerState.RETRYING, 0, -1, null, 5, 1);
        assertEquals("Retrying in 5 seconds", english.text(retrying.stateText()));
        assertEquals("5 秒后重试", chinese.text(retrying.stateText()));
        LayerSnapshot lastSecond = new LayerSnapshot("a", LayerState.RETRYING, 0, -1, null, 1, 1);
        assertEquals("Retrying in 1 second", english.text(lastSecond.stateText()));
        for (LayerState state : LayerState.values()) {
            LayerSnapshot layer = new LayerSnapshot("a", state, 0, -1, "x/y", 3, 1);
            for (Translator translator : new Translator[] {english, chinese}) {
                String text = translator.text(layer.stateText());
                assertFalse(text.isBlank() || text.contains("{"), state + ": " + text);
            }
        }
    }
}
