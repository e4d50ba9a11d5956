package io.github.harborupload.cli.progress;

import io.github.harborupload.cli.Program;
import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;
import java.util.Optional;

/** The words and bars both progress views print, in the user's language. */
public final class ProgressText {

    private final Translator translator;
    private final ProblemContext problemContext;

    public ProgressText(Translator translator, ProblemContext problemContext) {
        this.translator = translator;
        this.problemContext = problemContext;
    }

    /**
     * "45 %  ·  90.0 MB of ~200 MB  ·  12.0 MB/s  ·  about 9 s left": speed and time only while known;
     * then the note of a layer sent without a spool, last, so a narrow terminal cuts it, not the numbers.
     */
    String overall(PushSnapshot snapshot) {
        String line = percent(snapshot.fraction()) + ProgressLine.SEPARATOR + ProgressLine.overall(snapshot, translator);
        return snapshot.spoolSkipped() && !snapshot.isFinished()
                ? line + ProgressLine.SEPARATOR + translator.text(PushSnapshot.SPOOL_SKIPPED) : line;
    }

    /** The layer's state in words, e.g. "Uploading" or "Mounted from user-bob/base". */
    String layerState(LayerSnapshot layer) {
        return translator.text(layer.stateText());
    }

    /**
     * The layer's state in words, at most {@code columns} wide: a "Mounted from …" too long for them
     * shortens the repository it names from the front, so the sentence keeps its end ("挂载").
     */
    String layerState(LayerSnapshot layer, int columns) {
        String whole = layerState(layer);
        if (TextWidth.of(whole) <= columns || layer.mountedFrom() == null) {
            return whole;
        }
        String repository = layer.mountedFrom();
        int room = columns - TextWidth.of(layerState(mountedFrom(layer, ""))) - 1;
        if (room < 1) {
            return TextWidth.fit(whole, columns);
        }
        // Repository names are ASCII (distribution/reference), one column a character.
        return layerState(mountedFrom(layer, "…" + repository.substring(Math.max(0, repository.length() - room))));
    }

    private static LayerSnapshot mountedFrom(LayerSnapshot layer, String repository) {
        return new LayerSnapshot(layer.id(), layer.state(), layer.bytes(), layer.total(), repository,
                layer.retrySeconds(), layer.retries());
    }

    /** A push that keeps retrying or stands still, while it runs. */
    Optional<Problem> signal(PushSnapshot snapshot) {
        return Problems.ofSignals(snapshot, problemContext);
    }

    String text(String key, Object... args) {
        return translator.text(Program.BUNDLE, key, args);
    }

    String title(Problem problem) {
        return translator.text(problem.title());
    }

    static String percent(double fraction) {
        return Math.round(Math.min(1, Math.max(0, fraction)) * 100) + " %";
    }

    /** "[######----]": as many cells as asked, filled in proportion. */
    static String bar(double fraction, int cells) {
        int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * cells);
        return "[" + "#".repeat(filled) + "-".repeat(cells - filled) + "]";
    }
}
