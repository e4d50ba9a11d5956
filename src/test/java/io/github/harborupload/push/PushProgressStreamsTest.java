package io.github.harborupload.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.testsupport.PushStreams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The progress model fed with the push streams captured from a real dockerd (and one from Podman). */
class PushProgressStreamsTest {

    private static final String FULL_DIGEST = "sha256:697cb496748b9ca8aeff365b8f53ecf7e6104783fef9dcb512a76ef47d64fbb7";
    /** The sizes the engine gave for the five layers of the full stream that needed an upload. */
    private static final long FULL_UPLOAD_BYTES = 20971520L + 36700160 + 15728640 + 26214400 + 31457280;
    /** The size of sample/app:1 in the engine's image list when the stream was captured. */
    private static final long FULL_IMAGE_SIZE = 149831500L;

    private final AtomicLong clock = new AtomicLong();

    private PushProgress progress(long expectedBytes) {
        return new PushProgress(expectedBytes, PushProgress.DEFAULT_STALL_TIME, clock::get);
    }

    private static PushSnapshot feed(PushProgress progress, List<PushEvent> events) {
        events.forEach(progress::accept);
        return progress.snapshot();
    }

    private static Map<String, LayerSnapshot> byId(PushSnapshot snapshot) {
        return snapshot.layers().stream().collect(Collectors.toMap(LayerSnapshot::id, Function.identity()));
    }

    @Test
    void theFullStreamEndsWithEveryLayerInItsFinalState() {
        PushSnapshot end = feed(progress(-1), PushStreams.load("push-stream-full.jsonl"));

        assertEquals(List.of("95215c20a5e4", "5d84d570550b", "e523c697fc67", "44c97d8ddeca", "f272fed02d71",
                "67dd9c5d6949", "d5ba79988d1c", "91cfc12228f3"),
                end.layers().stream().map(LayerSnapshot::id).toList());
        Map<String, LayerSnapshot> layers = byId(end);
        for (String pushed : List.of("95215c20a5e4", "5d84d570550b", "e523c697fc67", "44c97d8ddeca", "f272fed02d71")) {
            assertEquals(LayerState.PUSHED, layers.get(pushed).state(), pushed);
            assertEquals(layers.get(pushed).total(), layers.get(pushed).bytes(), pushed);
        }
        assertEquals(LayerState.MOUNTED, layers.get("67dd9c5d6949").state());
        assertEquals("other/lib", layers.get("67dd9c5d6949").mountedFrom());
        assertEquals(LayerState.ALREADY_EXISTS, layers.get("d5ba79988d1c").state());
        assertEquals(LayerState.ALREADY_EXISTS, layers.get("91cfc12228f3").state());

        assertEquals("127.0.0.1:5000/sample/app", end.repository());
        assertEquals(PushOutcome.SUCCEEDED, end.outcome());
        assertEquals(FULL_DIGEST, end.digest());
        assertEquals(2010, end.size());
        assertNull(end.error());
        assertEquals(1.0, end.fraction());
        assertEquals(FULL_UPLOAD_BYTES, end.bytesDone());
        assertEquals(FULL_UPLOAD_BYTES, end.bytesTotal());
        assertFalse(end.totalEstimated());
        assertEquals(0, end.secondsLeft());
        assertEquals(0, end.retries());
        assertFalse(end.retryingRepeatedly());
    }

    @ParameterizedTest
    @CsvSource({"push-stream-full.jsonl, 5", "push-stream-multi.jsonl, 4"})
    void bytesAboveTheLayerSizeAreClamped(String stream, int layersThatOvershoot) {
        List<PushEvent> events = PushStreams.load(stream);
        PushProgress progress = progress(-1);
        int overshoots = 0;
        for (PushEvent event : events) {
            progress.accept(event);
            if (event.total() > 0 && event.current() > event.total()) {
                overshoots++;
                LayerSnapshot layer = byId(progress.snapshot()).get(event.layerId());
                assertEquals(event.total(), layer.bytes(), "line " + (events.indexOf(event) + 1));
                assertEquals(1.0, layer.fraction());
            }
            for (LayerSnapshot layer : progress.snapshot().layers()) {
                assertTrue(layer.total() < 0 || layer.bytes() <= layer.total(), layer.toString());
            }
        }
        assertTrue(overshoots >= layersThatOvershoot, "the stream should exercise clamping: " + overshoots);
    }

    @ParameterizedTest
    @CsvSource({"push-stream-full.jsonl, -1", "push-stream-full.jsonl, 149831500",
                "push-stream-multi.jsonl, -1", "push-stream-multi.jsonl, 211697484"})
    void theOverallFractionNeverGoesBackAndEndsAtExactlyOne(String stream, long expectedBytes) {
        PushProgress progress = progress(expectedBytes);
        double previous = 0;
        long previousDone = 0;
        for (PushEvent event : PushStreams.load(stream)) {
            progress.accept(event);
            PushSnapshot now = progress.snapshot();
            assertTrue(now.fraction() >= previous, "went back from " + previous + " to " + now.fraction());
            assertTrue(now.fraction() <= 1, "above 1: " + now.fraction());
            assertTrue(now.bytesDone() >= previousDone, "bytes done went back");
            assertTrue(now.bytesTotal() < 0 || now.bytesDone() <= now.bytesTotal(), now.toString());
            if (expectedBytes > 0 && now.bytesTotal() > 0 && !now.isFinished()) {
                // With the image's size the estimate itself never goes back: the bar needs no holding.
                assertEquals((double) now.bytesDone() / now.bytesTotal(), now.fraction(), 1e-9);
            }
            previous = now.fraction();
            previousDone = now.bytesDone();
        }
        assertEquals(1.0, progress.snapshot().fraction());
    }

    @Test
    void theImageSizeKeepsTheTotalSteadyUntilEveryLayerIsSettled() {
        List<PushEvent> events = PushStreams.load("push-stream-full.jsonl");
        PushProgress progress = progress(FULL_IMAGE_SIZE);
        int lastSettled = -1;
        for (int i = 0; i < events.size(); i++) {
            if ("Layer already exists".equals(events.get(i).status())) {
                lastSettled = i;
            }
        }
        for (int i = 0; i < lastSettled; i++) {
            progress.accept(events.get(i));
            PushSnapshot now = progress.snapshot();
            if (i >= 12) { // once the first layer starts uploading
                assertEquals(FULL_IMAGE_SIZE, now.bytesTotal(), "line " + (i + 1));
                assertTrue(now.totalEstimated());
                assertEquals((double) now.bytesDone() / FULL_IMAGE_SIZE, now.fraction(), 1e-9);
            }
        }
        progress.accept(events.get(lastSettled));
        PushSnapshot settled = progress.snapshot();
        // The last layer that needed no upload drops its share: the total is now exact.
        assertFalse(settled.totalEstimated());
        assertEquals(FULL_UPLOAD_BYTES, settled.bytesTotal());
        assertEquals(PushOutcome.RUNNING, settled.outcome());
    }

    @Test
    void layersBeyondTheFifthWait() {
        // dockerd uploads at most 5 layers at a time; the full stream has 8.
        List<PushEvent> events = PushStreams.load("push-stream-full.jsonl");
        PushSnapshot early = feed(progress(-1), events.subList(0, 12));
        Map<String, LayerSnapshot> layers = byId(early);
        assertEquals(8, layers.size());
        assertEquals(List.of("67dd9c5d6949", "d5ba79988d1c", "91cfc12228f3"), early.layers().stream()
                .filter(layer -> layer.state() == LayerState.WAITING).map(LayerSnapshot::id).toList());
        assertEquals(5, early.layers().stream().filter(layer -> layer.state() == LayerState.PREPARING).count());
        assertEquals(-1, early.bytesTotal(), "no layer size is known yet and no image size was given");
        assertEquals(0.0, early.fraction());
    }

    @Test
    void theMultiStreamHasFiveLayersAndNoneWaits() {
        List<PushEvent> events = PushStreams.load("push-stream-multi.jsonl");
        assertTrue(events.stream().noneMatch(event -> "Waiting".equals(event.status())));
        PushSnapshot end = feed(progress(-1), events);
        assertEquals(5, end.layers().size());
        assertEquals(4, end.layers().stream().filter(layer -> layer.state() == LayerState.PUSHED).count());
        assertEquals("demo/small", byId(end).get("91cfc12228f3").mountedFrom());
        assertEquals(20971520L + 41943040 + 62914560 + 83886080, end.bytesTotal());
        assertEquals(1376, end.size());
    }

    @Test
    void aPushOfLayersTheRegistryHasIsCompleteWithoutUploading() {
        List<PushEvent> events = PushStreams.load("push-stream-layer-exists.jsonl");
        PushSnapshot beforeManifest = feed(progress(FULL_IMAGE_SIZE), events.subList(0, events.size() - 2));
        assertTrue(beforeManifest.layers().stream().allMatch(layer -> layer.state() == LayerState.ALREADY_EXISTS));
        assertEquals(8, beforeManifest.layers().size());
        assertEquals(0, beforeManifest.bytesTotal());
        assertEquals(1.0, beforeManifest.fraction(), "nothing left to upload");
        assertEquals(PushOutcome.RUNNING, beforeManifest.outcome());

        PushProgress progress = progress(FULL_IMAGE_SIZE);
        PushSnapshot end = feed(progress, events);
        assertTrue(end.isSucceeded());
        assertEquals(FULL_DIGEST, end.digest());
    }

    @Test
    void mountedLayersKeepTheRepositoryTheyCameFrom() {
        PushSnapshot end = feed(progress(-1), PushStreams.load("push-stream-mounted.jsonl"));
        assertEquals(6, end.layers().size());
        for (LayerSnapshot layer : end.layers()) {
            assertEquals(LayerState.MOUNTED, layer.state());
            assertEquals("test/api", layer.mountedFrom());
            assertEquals(1.0, layer.fraction());
        }
        assertEquals(0, end.bytesDone());
        assertEquals(1.0, end.fraction());
        assertEquals("sha256:d215995d91cfd689a7e9ca4600d4fa52d2aad0069f585f84bc2b84acf20e7063", end.digest());
        assertEquals(1584, end.size());
    }

    @Test
    void aPushThatRetriesAgainAndAgainRaisesTheSignalThenFails() {
        List<PushEvent> events = PushStreams.load("push-stream-error-denied-with-retries.jsonl");
        PushProgress progress = progress(-1);
        boolean quietRetries = false;
        boolean signalled = false;
        for (PushEvent event : events) {
            progress.accept(event);
            PushSnapshot now = progress.snapshot();
            int mostRetries = now.layers().stream().mapToInt(LayerSnapshot::retries).max().orElse(0);
            assertEquals(mostRetries >= PushProgress.RETRY_SIGNAL, now.retryingRepeatedly(), "after " + event);
            if (event.status() != null && event.status().startsWith("Retrying in 20 seconds")) {
                // The fourth countdown (5, 10, 15, 20 seconds): the signal is up.
                assertTrue(now.retryingRepeatedly());
                LayerSnapshot layer = byId(now).get(event.layerId());
                assertEquals(LayerState.RETRYING, layer.state());
                assertEquals(20, layer.retrySeconds());
            }
            quietRetries |= now.retries() > 0 && !now.retryingRepeatedly();
            signalled |= now.retryingRepeatedly();
        }
        assertTrue(quietRetries, "one or two retries are not yet 'again and again'");
        assertTrue(signalled);
        PushSnapshot end = progress.snapshot();
        assertEquals(12, end.retries(), "3 layers, 4 retries each");
        assertTrue(end.layers().stream().allMatch(layer -> layer.retries() == 4));
        assertEquals(PushOutcome.FAILED, end.outcome());
        assertEquals("denied", end.error());
        assertTrue(end.layers().stream().allMatch(layer -> layer.state() == LayerState.FAILED));
        assertFalse(end.stalled());
        assertEquals(-1, end.secondsLeft());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "push-stream-error-wrong-password.jsonl | unauthorized: authentication required | 1",
            "push-stream-error-no-credentials.jsonl | no basic auth credentials | 1",
            "push-stream-error-denied.jsonl | denied: requested access to the resource is denied | 1",
            "push-stream-error-no-such-image.jsonl | An image does not exist locally with the tag: 127.0.0.1:5000/demo/doesnotexist | 0",
            "push-stream-error-no-such-tag.jsonl | tag does not exist: 127.0.0.1:5000/demo/err:nosuchtag | 0",
            "push-stream-error-registry-down.jsonl | Get \"http://127.0.0.1:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused | 0"})
    void aFailedStreamKeepsTheEngineTextAndFailsItsLayers(String stream, String error, int layers) {
        PushSnapshot end = feed(progress(-1), PushStreams.load(stream));
        assertTrue(end.isFailed());
        assertTrue(end.isFinished());
        assertEquals(error, end.error());
        assertNull(end.digest());
        assertEquals(layers, end.layers().size());
        assertTrue(end.layers().stream().allMatch(layer -> layer.state() == LayerState.FAILED));
        assertTrue(end.fraction() < 1);
        assertFalse(end.stalled());
    }

    @Test
    void podmanSendsNoLayersButTheDigestLineEndsThePush() {
        PushSnapshot end = feed(progress(-1), PushStreams.load("podman-4.3.1-push-stream.jsonl"));
        assertTrue(end.layers().isEmpty());
        assertEquals("127.0.0.1:5000/podman/p2:1", end.repository());
        assertTrue(end.isSucceeded());
        assertEquals(1.0, end.fraction());
        assertEquals("sha256:9677f0854a612180dea60ebf803c6b09a7f88663fcba0acd1260460fc416c320", end.digest());
        assertEquals(923, end.size());
    }

    @Test
    void beforeAnythingHappensNothingIsKnown() {
        PushSnapshot start = progress(-1).snapshot();
        assertEquals(0.0, start.fraction());
        assertEquals(-1, start.bytesTotal());
        assertEquals(-1, start.secondsLeft());
        assertEquals(PushOutcome.RUNNING, start.outcome());
        assertTrue(start.layers().isEmpty());
    }

    @Test
    void theStallTimeIsConfigurable() {
        PushProgress progress = new PushProgress(-1, Duration.ofSeconds(5), clock::get);
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertTrue(progress.snapshot().stalled());
    }
}
