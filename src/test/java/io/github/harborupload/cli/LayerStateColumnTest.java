package io.github.harborupload.cli;

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

    @Test
    void aLayerLineWithTheWidestBytesFitsAnEightyColumnTerminal() {
        ProgressText english = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none());
        LayerSnapshot layer = new LayerSnapshot("0123456789ab", LayerState.PUSHING, 999_900_000, 999_900_000, null, -1, 0);
        PushSnapshot snapshot = new PushSnapshot("r", List.of(layer), 1, 2, false, 0.5, 0, -1, 0, false, false, 0,
                PushOutcome.RUNNING, null, -1, null, false);
        // Wide enough not to cut it: the state is padded to its column, so this is the widest a line gets.
        String line = new TerminalProgress(System.out, english, 200).frame(snapshot).get(0);
        assertTrue(TextWidth.of(line) <= 79, TextWidth.of(line) + ": " + line);
    }
}
