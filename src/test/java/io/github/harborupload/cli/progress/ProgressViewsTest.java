package io.github.harborupload.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.testsupport.PushStreams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both progress views, fed the push streams captured from dockerd and a made-up push of 50 layers. */
class ProgressViewsTest {

    private static final Pattern CURSOR_UP = Pattern.compile("\u001b\\[(\\d+)A");
    private static final ProgressText ENGLISH = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none());
    private static final ProgressText CHINESE = new ProgressText(new Translator(Language.CHINESE), ProblemContext.none());

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** One snapshot after each event, as if the ticker came after every one of them. */
    private List<PushSnapshot> snapshots(List<PushEvent> events) {
        PushProgress progress = new PushProgress(-1, Duration.ofSeconds(30), nanos::get);
        List<PushSnapshot> snapshots = new ArrayList<>();
        for (PushEvent event : events) {
            nanos.addAndGet(Duration.ofMillis(200).toNanos());
            progress.accept(event);
            snapshots.add(progress.snapshot());
        }
        return snapshots;
    }

    private static List<PushEvent> fiftyLayers() {
        List<PushEvent> events = new ArrayList<>();
        for (int layer = 0; layer < 50; layer++) {
            events.add(PushEvent.status(String.format("%012x", layer), "Preparing"));
        }
        for (int layer = 0; layer < 50; layer++) {
            String id = String.format("%012x", layer);
            events.add(PushEvent.progress(id, 500_000, 1_000_000));
            events.add(PushEvent.status(id, "Pushed"));
        }
        return events;
    }

    /** Issue 15, item 11: an image the registry already had printed "100 %  ·  0 B of 0 B". */
    @Test
    void aPushOfLayersTheRegistryHasSaysNothingHadToBeUploaded() {
        List<PushSnapshot> snapshots = snapshots(PushStreams.load("push-stream-layer-exists.jsonl"));
        PushSnapshot end = snapshots.get(snapshots.size() - 1);
        // Issue 14: the words are flow.ProgressLine's, the wizard's label says the same after its bar.
        assertEquals("100 %  ·  Nothing to upload: Harbor already has every layer", ENGLISH.overall(end));
        assertEquals("100 %  ·  无需上传：Harbor 已有全部层", CHINESE.overall(end));
        assertEquals("—", ProgressLine.layerBytes(end.layers().get(0)), "a layer the registry had, as in the wizard's table");
        PushSnapshot full = snapshots(PushStreams.load("push-stream-full.jsonl")).get(0);
        assertFalse(ENGLISH.overall(full).contains("Nothing"), "a push still preparing has not found its layers there");
    }

    @Test
    void theTerminalViewMovesUpOverExactlyTheLinesItDrewLast() {
        TerminalProgress view = new TerminalProgress(stream, ENGLISH, 80);
        List<PushSnapshot> snapshots = snapshots(PushStreams.load("push-stream-full.jsonl"));
        List<Integer> framesDrawn = new ArrayList<>();
        for (PushSnapshot snapshot : snapshots) {
            framesDrawn.add(view.frame(snapshot).size());
            view.update(snapshot);
        }
        Matcher up = CURSOR_UP.matcher(printed());
        int frame = 0;
        while (up.find()) {
            assertEquals(framesDrawn.get(frame), Integer.parseInt(up.group(1)), "cursor-up before frame " + (frame + 1));
            frame++;
        }
        assertEquals(snapshots.size() - 1, frame, "every frame but the first moves up");
        assertTrue(printed().endsWith("\u001b[J"), "each frame clears what the last left below it");
    }

    @Test
    void aPushOfFiftyLayersDrawsAShortPictureThatFitsTheTerminal() {
        TerminalProgress view = new TerminalProgress(stream, CHINESE, 60);
        for (PushSnapshot snapshot : snapshots(fiftyLayers())) {
            List<String> lines = view.frame(snapshot);
            assertTrue(lines.size() <= TerminalProgress.MAX_LAYER_LINES + 3, "lines: " + lines.size());
            view.update(snapshot);
        }
        for (String line : printed().split("\n")) {
            String visible = line.replaceAll("\u001b\\[\\d*[A-Za-z]", "").replace("\r", "");
            assertTrue(TextWidth.of(visible) < 60, "fits 60 columns: " + visible);
        }
    }

    @Test
    void theTerminalViewShowsUnfinishedLayersFirstAndCountsTheRest() {
        TerminalProgress view = new TerminalProgress(stream, ENGLISH, 100);
        List<PushEvent> events = fiftyLayers();
        // All 50 prepared, the first 45 pushed: 5 unfinished layers come first, then 5 done ones.
        List<PushSnapshot> snapshots = snapshots(events.subList(0, 50 + 2 * 45));
        List<String> lines = view.frame(snapshots.get(snapshots.size() - 1));
        assertEquals(TerminalProgress.MAX_LAYER_LINES + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains(String.format("%012x", 45)) && lines.get(0).contains("Preparing"), lines.get(0));
        assertTrue(lines.get(10).contains("40 more layers; 45 of 50 layers done"), lines.get(10));
        assertTrue(lines.get(11).contains("90 %"), lines.get(11));
    }

    @Test
    void plainLinesComeAtEachTenthAndEveryFewSecondsWithoutControlCharacters() {
        AtomicLong millis = new AtomicLong();
        PlainProgress view = new PlainProgress(stream, ENGLISH, millis::get);
        List<PushSnapshot> snapshots = snapshots(fiftyLayers());
        for (PushSnapshot snapshot : snapshots) {
            view.update(snapshot);
        }
        view.finish(snapshots.get(snapshots.size() - 1));
        List<String> lines = printed().lines().toList();
        // 0 % at the start, then one line per tenth up to 100 %.
        assertEquals(11, lines.size(), printed());
        assertTrue(lines.get(0).startsWith("0 %"), lines.get(0));
        assertTrue(lines.get(10).startsWith("100 %"), lines.get(10));
        assertFalse(printed().contains("\u001b"), "no escape sequences in a log");

        PushSnapshot standing = snapshots.get(60);
        view.update(standing);
        assertEquals(11, printed().lines().count(), "nothing new within 5 seconds");
        millis.addAndGet(PlainProgress.EVERY_MILLIS);
        view.update(standing);
        assertEquals(12, printed().lines().count(), "a line after 5 seconds even without progress");
    }

    @Test
    void aPushThatKeepsRetryingIsNamedOnceInPlainLines() {
        PlainProgress view = new PlainProgress(stream, ENGLISH, System::currentTimeMillis);
        for (PushSnapshot snapshot : snapshots(PushStreams.load("push-stream-error-denied-with-retries.jsonl"))) {
            if (!snapshot.isFinished()) {
                view.update(snapshot);
            }
        }
        long warnings = printed().lines().filter(line -> line.startsWith("Warning: The push keeps retrying")).count();
        assertEquals(1, warnings, printed());
    }
}
