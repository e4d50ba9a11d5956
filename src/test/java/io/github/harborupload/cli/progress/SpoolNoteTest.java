package io.github.harborupload.cli.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.push.PushProgress;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a layer sent without a spool (the cache folder's disk is short) is "skipped (with a note
 * in the progress)": the command line's progress line ends with the note, in both languages, while
 * the push runs (the wizard shows the same text under its bar, OverallProgress.spoolNote).
 */
class SpoolNoteTest {

    @Test
    void theProgressLineEndsWithTheNoteInBothLanguages() {
        PushProgress progress = new PushProgress(100);
        progress.layerBytes("0123456789ab", 40, 100);
        progress.spoolSkipped();

        String english = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none()).overall(progress.snapshot());
        String chinese = new ProgressText(new Translator(Language.CHINESE), ProblemContext.none()).overall(progress.snapshot());

        assertTrue(english.startsWith("40 %") && english.endsWith("so a layer that fails is compressed again"), english);
        assertTrue(chinese.contains("磁盘空间不足"), chinese);
    }

    @Test
    void withRoomForTheSpoolThereIsNoNote() {
        PushProgress progress = new PushProgress(100);
        progress.layerBytes("0123456789ab", 40, 100);
        String line = new ProgressText(new Translator(Language.ENGLISH), ProblemContext.none()).overall(progress.snapshot());
        assertFalse(line.contains("disk"), line);
    }
}
