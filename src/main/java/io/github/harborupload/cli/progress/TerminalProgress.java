package io.github.harborupload.cli.progress;

import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress on a terminal: one line per layer and an overall bar, redrawn in place with ANSI cursor
 * movements. A push with many layers shows the unfinished ones first and counts the rest, so the
 * picture stays short enough to redraw without scrolling.
 */
public final class TerminalProgress implements ProgressView {

    /** At most this many layer lines; the others are summed up in one line. */
    static final int MAX_LAYER_LINES = 10;
    private static final String ESC = "\u001b[";
    private static final int LAYER_BAR = 15;
    private static final int OVERALL_BAR = 30;
    /** The overall bar shrinks down to this so that the words beside it (time left last) stay whole. */
    private static final int OVERALL_BAR_MIN = 10;
    /** "Already in the registry", the widest state but "Mounted from …" (which is cut). */
    static final int STATE_COLUMNS = 23;

    private final PrintStream stream;
    private final ProgressText text;
    private final int columns;
    private int linesDrawn;

    public TerminalProgress(PrintStream stream, ProgressText text, int columns) {
        this.stream = stream;
        this.text = text;
        this.columns = columns;
    }

    @Override
    public void update(PushSnapshot snapshot) {
        draw(frame(snapshot));
    }

    @Override
    public void finish(PushSnapshot snapshot) {
        draw(frame(snapshot));
    }

    /** The lines of one picture of the push. */
    List<String> frame(PushSnapshot snapshot) {
        List<String> lines = new ArrayList<>();
        List<LayerSnapshot> layers = snapshot.layers();
        List<LayerSnapshot> shown = layers;
        if (layers.size() > MAX_LAYER_LINES) {
            List<LayerSnapshot> unfinished = layers.stream().filter(layer -> !layer.state().isDone()).toList();
            List<LayerSnapshot> done = layers.stream().filter(layer -> layer.state().isDone()).toList();
            shown = new ArrayList<>(unfinished.subList(0, Math.min(MAX_LAYER_LINES, unfinished.size())));
            shown.addAll(done.subList(0, Math.min(MAX_LAYER_LINES - shown.size(), done.size())));
        }
        for (LayerSnapshot layer : shown) {
            lines.add("  " + layer.id() + "  " + TextWidth.pad(text.layerState(layer, STATE_COLUMNS), STATE_COLUMNS) + "  "
                    + ProgressText.bar(layer.fraction(), LAYER_BAR) + "  " + ProgressLine.layerBytes(layer));
        }
        if (shown.size() < layers.size()) {
            long done = layers.stream().filter(layer -> layer.state().isDone()).count();
            lines.add("  " + text.text("progress.moreLayers", layers.size() - shown.size(), done, layers.size()));
        }
        String overall = text.overall(snapshot);
        // Brackets, two spaces and the spare column of draw() come beside the cells.
        int cells = Math.max(OVERALL_BAR_MIN, Math.min(OVERALL_BAR, columns - 5 - TextWidth.of(overall)));
        lines.add(ProgressText.bar(snapshot.fraction(), cells) + "  " + overall);
        if (!snapshot.isFinished()) {
            text.signal(snapshot).ifPresent(signal -> lines.add(text.text("problem.warning", text.title(signal))));
        }
        return lines;
    }

    /** Moves up over the last picture, overwrites it line by line and clears what is left below. */
    private void draw(List<String> lines) {
        StringBuilder out = new StringBuilder();
        if (linesDrawn > 0) {
            out.append(ESC).append(linesDrawn).append('A');
        }
        for (String line : lines) {
            // One column spare: a line that fills the last column makes some terminals wrap.
            out.append('\r').append(ESC).append("2K").append(TextWidth.fit(line, columns - 1)).append('\n');
        }
        out.append(ESC).append('J');
        stream.print(out);
        stream.flush();
        linesDrawn = lines.size();
    }
}
