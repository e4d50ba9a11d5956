package io.github.harborupload.ui.push;

import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.WizardContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** The whole push at a glance, above the layer table: the progress line, the bar and its percent. */
final class OverallProgress {

    private final WizardContext context;
    private final Label line;
    private final Label percent;
    private final ProgressBar bar;

    OverallProgress(WizardContext context, Label line, Label percent, ProgressBar bar) {
        this.context = context;
        this.line = line;
        this.percent = percent;
        this.bar = bar;
    }

    void clear() {
        bar.setProgress(0);
        line.setText(context.text("push.preparing"));
        percent.setText("");
    }

    void show(PushSnapshot snapshot) {
        bar.setProgress(snapshot.fraction());
        percent.setText(Math.round(snapshot.fraction() * 100) + " %");
        line.setText(ProgressLine.overall(snapshot, context.translator()));
    }

    /** The push no longer moves: the bytes sent only, no speed and no time left. */
    void halt(PushSnapshot last) {
        line.setText(ProgressLine.bytes(last, context.translator()));
    }
}
