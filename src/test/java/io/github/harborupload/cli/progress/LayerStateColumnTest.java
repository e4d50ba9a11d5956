package io.github.harborupload.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.LayerState;
import io.github.harborupload.push.PushOutcome;
import io.github.harborupload.push.PushSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal's layer lines show each state whole: "Already in the registry" cut to "Already in
 * the regis" was how the fault tests first met this column.
 */
class LayerStateColumnTest {

    @Test
    void everyStateButMountedFitsItsColumnInBothLanguages() {
        for (Language language : Language.values()) {
            ProgressText text = new ProgressText(new Translator(language), ProblemContext.none());
            for (LayerState state : LayerState.values()) {
                if (state == LayerState.MOUNTED) {
                    continue; // names a repository of any length; cut to fit, the line stays one line
                }
                int seconds = state == LayerState.RETRYING ? 20 : -1;
                String shown = text.layerState(new LayerSnapshot("0123456789ab", state, 0, 1, null, seconds, 0));
                assertTrue(TextWidth.of(shown) <= TerminalProgress.STATE_COLUMNS, language + " " + state + ": " + shown);
            }
        }
    }

    /** Issue 15, item 11: a mounted layer's state was cut mid-word in Chinese, "已从 user-alice/real 挂". */
    @Test
    void aLongMountedFromShortensTheRepositoryNotTheSentence() {
        LayerSnapshot mounted = new LayerSnapshot("0123456789ab", LayerState.MOUNTED, 0, 1, "user-alice/real-long-name", -1, 0);
        ProgressText chinese = new ProgressText(new Translator(Language.CHINESE), ProblemContext.none());
        String shown = chinese.layerState(mounted, TerminalProgress.STATE_COLUMNS);
        assertTrue(TextWidth.of(shown) <= TerminalProgress.STATE_COLUMNS, shown);
        assertTrue(shown.startsWith("已从 …") && shown.endsWith("-name 挂载"), shown);
        ProgressText english = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none());
        assertEquals("Mounted from user-a/x", english.layerState(
                new LayerSnapshot("0123456789ab", LayerState.MOUNTED, 0, 1, "user-a/x", -1, 0), TerminalProgress.STATE_COLUMNS));
    }

    /**
     * Issue 15, item 11: at 100 columns the overall line lost its time left. The line here is the
     * longest these words make (gigabytes, hours), on a terminal narrower than it with a full bar.
     */
    @Test
    void theOverallLineKeepsItsTimeLeftOnANarrowTerminal() {
        for (Language language : Language.values()) {
            ProgressText text = new ProgressText(new Translator(language), ProblemContext.none());
            LayerSnapshot layer = new LayerSnapshot("0123456789ab", LayerState.PUSHING, 5_432_100_000L, 12_345_600_000L, null, -1, 0);
            PushSnapshot snapshot = new PushSnapshot("r", List.of(layer), 5_432_100_000L, 12_345_600_000L, true, 0.44,
                    123_400_000, 4_000, 0, false, false, 0, PushOutcome.RUNNING, null, -1, null, false, List.of(), false, false);
            List<String> frame = new TerminalProgress(System.out, text, 90).frame(snapshot);
            String overall = frame.get(frame.size() - 1);
            assertTrue(overall.endsWith(text.overall(snapshot)), overall);
            assertTrue(TextWidth.of(overall) <= 89, TextWidth.of(overall) + ": " + overall);
        }
    }

    @Test
    void aLayerLineWithTheWidestBytesFitsAnEightyColumnTerminal() {
        ProgressText english = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none());
        LayerSnapshot layer = new LayerSnapshot("0123456789ab", LayerState.PUSHING, 999_900_000, 999_900_000, null, -1, 0);
        PushSnapshot snapshot = new PushSnapshot("r", List.of(layer), 1, 2, false, 0.5, 0, -1, 0, false, false, 0,
                PushOutcome.RUNNING, null, -1, null, false, List.of(), false, false);
        // Wide enough not to cut it: the state is padded to its column, so this is the widest a line gets.
        String line = new TerminalProgress(System.out, english, 200).frame(snapshot).get(0);
        assertTrue(TextWidth.of(line) <= 79, TextWidth.of(line) + ": " + line);
    }
}
