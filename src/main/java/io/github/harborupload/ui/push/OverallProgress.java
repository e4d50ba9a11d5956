package io.github.harborupload.ui.push;

import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.WizardContext;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * The whole push at a glance, above the layer table: the progress line, the bar and its percent.
 * The controller of OverallProgress.fxml, which the push step includes.
 */
public final class OverallProgress {

    @FXML
    private Label line;
    @FXML
    private Label percent;
    @FXML
    private ProgressBar bar;
    /** Under the bar while a layer goes without a spool (the disk is short). */
    @FXML
    private Label spoolNote;

    private final WizardContext context;

    public OverallProgress(WizardContext context) {
        this.context = context;
    }

    void clear() {
        bar.setProgress(0);
        line.setText(context.text("push.preparing"));
        percent.setText("");
        spoolNote.setVisible(false);
    }

    void show(PushSnapshot snapshot) {
        bar.setProgress(snapshot.fraction());
        percent.setText(Math.round(snapshot.fraction() * 100) + " %");
        line.setText(ProgressLine.overall(snapshot, context.translator()));
        if (snapshot.spoolSkipped()) {
            Notes.showOnce(spoolNote, context.text(PushSnapshot.SPOOL_SKIPPED));
        }
    }

    /** The push no longer moves: the bytes sent only, no speed and no time left. */
    void halt(PushSnapshot last) {
        line.setText(ProgressLine.bytes(last, context.translator()));
    }
}
