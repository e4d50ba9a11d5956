package io.github.harborupload.ui.push;

import io.github.harborupload.flow.PushRun;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.common.ProblemView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * Below the push's result: Pause while a push runs; Retry, Resume or Start again once it has ended;
 * when the user paused or stopped it, the calm line that says what that means (not a problem); and
 * a failure's problem, under Retry. The controller of PushControls.fxml, which the push step includes
 * and gives what Pause and Retry do.
 */
public final class PushControls {

    @FXML
    private Button pause;
    @FXML
    private Button retry;
    @FXML
    private Label pausedBanner;
    @FXML
    private Label stoppedNote;
    @FXML
    private ProblemPane problemPane;

    private final WizardContext context;
    private Runnable onPause = () -> { };
    private Runnable onRetry = () -> { };

    public PushControls(WizardContext context) {
        this.context = context;
    }

    /** What the push step does when the user pauses, and when they retry, resume or start again. */
    void onActions(Runnable pausing, Runnable retrying) {
        this.onPause = pausing;
        this.onRetry = retrying;
    }

    @FXML
    private void pause() {
        onPause.run();
    }

    @FXML
    private void retry() {
        onRetry.run();
    }

    void clear() {
        pausedBanner.setVisible(false);
        stoppedNote.setVisible(false);
        problemPane.clear();
        retry.setVisible(false);
        retry.setText(context.text("button.retry"));
        pause.setVisible(false);
        pause.setDisable(false);
        pause.setText(context.text("push.pause"));
    }

    /** Pause is offered while the push runs, by the pushers that can pause. */
    void running(PushRun push) {
        pause.setVisible(!push.isDone() && push.canPause());
    }

    /** The chunk in flight still finishes: Pause says so, and cannot be asked twice. */
    void pausing() {
        pause.setDisable(true);
        pause.setText(context.text("push.pausing"));
    }

    void ended() {
        pause.setVisible(false);
    }

    void paused(double fraction) {
        pausedBanner.setText(context.text("push.paused.banner", Math.round(fraction * 100)));
        pausedBanner.setVisible(true);
        offer("push.resume");
    }

    /**
     * What starting again does with this pusher (issue 15, item 9: ours drops its spool, docker's
     * push resends unfinished layers whole; both skip the layers Harbor has).
     */
    void stopped(PushRun push) {
        stoppedNote.setText(context.text(push.canPause() ? "push.stopped.own" : "push.stopped.engine"));
        stoppedNote.setVisible(true);
        offer("push.start.again");
    }

    /** A failure: its explanation, with Retry above it. */
    void failed(ProblemView problem) {
        problemPane.show(problem);
        retry.setVisible(true);
    }

    private void offer(String key) {
        retry.setText(context.text(key));
        retry.setVisible(true);
        retry.requestFocus();
    }
}
