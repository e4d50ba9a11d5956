package io.github.harborupload.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress model as the project's own pusher drives it: typed calls, no engine status texts. */
class PushProgressTypedTest {

    private static final long MB = 1_000_000;

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final PushProgress progress = new PushProgress(20 * MB, Duration.ofSeconds(30), clock::get);

    @Test
    void theEnginesStagingIsShownUntilTheFirstLayerMoves() {
        progress.preparingImage(true);
        assertTrue(progress.snapshot().preparingImage());
        // dockerd copies the whole image before the first byte: 25 GB take about two minutes.
        clock.addAndGet(Duration.ofSeconds(40).toNanos());
        assertFalse(progress.snapshot().stalled(), "staging is work, not a stall");
        progress.preparingImage(false);
        assertFalse(progress.snapshot().preparingImage());
        clock.addAndGet(Duration.ofSeconds(40).toNanos());
        assertTrue(progress.snapshot().stalled(), "40 s without a byte after the staging is");
    }

    @Test
    void aLayerStoredDespiteTheGatewaysTimeoutIsKeptForTheFacesOnce() {
        // Issue 17: BlobUploader's UploadedBlob.foundAfterFailedCommit, passed up by LayerUpload.
        progress.layer("a", LayerState.CHECKING);
        assertEquals(List.of(), progress.snapshot().storedAfterGatewayTimeout());
        progress.layerStoredAfterGatewayTimeout("sha256:aa");
        progress.layerStoredAfterGatewayTimeout("sha256:aa");
        progress.layerStoredAfterGatewayTimeout("sha256:bb");
        progress.succeeded("sha256:manifest", 500);
        assertEquals(List.of("sha256:aa", "sha256:bb"), progress.snapshot().storedAfterGatewayTimeout());
    }

    @Test
    void aStateSetAsideStaysNotedThroughTheEndAndIsSaidInBothLanguages() {
        // Issue 19: PushJob.openState sets a damaged or stale state aside; the faces say so.
        assertFalse(progress.snapshot().stateSetAside());
        progress.stateSetAside();
        progress.failed("registry gone");
        assertTrue(progress.snapshot().stateSetAside());
        String english = new Translator(Language.ENGLISH).text(PushSnapshot.STATE_SET_ASIDE);
        String chinese = new Translator(Language.CHINESE).text(PushSnapshot.STATE_SET_ASIDE);
        assertTrue(english.contains("starts from the beginning"), english);
        assertTrue(chinese.contains("从头开始") && chinese.contains("您"), chinese);
    }

    @Test
    void aLayerGoesFromCompressingThroughCheckingToPushed() {
        progress.layer("a", LayerState.COMPRESSING);
        assertEquals(LayerState.COMPRESSING, progress.snapshot().layers().get(0).state());
        progress.layerBytes("a", 4 * MB, 10 * MB);
        assertEquals(LayerState.PUSHING, progress.snapshot().layers().get(0).state());
        progress.layerBytes("a", 10 * MB, 10 * MB);
        progress.layer("a", LayerState.CHECKING);
        PushSnapshot checking = progress.snapshot();
        assertEquals(LayerState.CHECKING, checking.layers().get(0).state());
        assertEquals(10 * MB, checking.bytesDone(), "a layer being checked has sent every byte");
        progress.layer("a", LayerState.PUSHED);
        assertEquals(1.0, progress.snapshot().layers().get(0).fraction());
    }

    @Test
    void aLayerSentAgainInANewSessionStartsFromZeroWhileTheBarKeepsTheBestAttempt() {
        progress.layerBytes("a", 6 * MB, 10 * MB);
        progress.layerRetrying("a", 2);
        progress.layerBytes("a", 1 * MB, 10 * MB);
        PushSnapshot again = progress.snapshot();
        assertEquals(1 * MB, again.layers().get(0).bytes());
        assertEquals(6 * MB, again.bytesDone());
        assertEquals(1, again.retries());
    }

    @Test
    void skippedLayersWeighNothingAndTheSuccessFinishesEveryLayer() {
        progress.layer("a", LayerState.ALREADY_EXISTS);
        progress.layerMounted("b", "user-alice/other");
        progress.layer("c", LayerState.COMPRESSING);
        progress.succeeded("sha256:" + "0".repeat(64), 1234);
        PushSnapshot done = progress.snapshot();
        assertTrue(done.isSucceeded());
        assertEquals(LayerState.PUSHED, done.layers().get(2).state());
        assertEquals("user-alice/other", done.layers().get(1).mountedFrom());
        assertEquals(1.0, done.fraction());
    }

    @Test
    void nothingMovesAfterAFailure() {
        progress.layerBytes("a", 1 * MB, 10 * MB);
        progress.failed("gateway timeout");
        progress.layerBytes("a", 5 * MB, 10 * MB);
        PushSnapshot failed = progress.snapshot();
        assertTrue(failed.isFailed());
        assertEquals(LayerState.FAILED, failed.layers().get(0).state());
        assertEquals(1 * MB, failed.bytesDone());
    }
}
