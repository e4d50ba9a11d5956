package io.github.harborupload.ui.push;

import io.github.harborupload.flow.PushRun;
import io.github.harborupload.ui.WizardContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * Below the layer table: Pause while a push runs; Retry, Resume or Start again once it has ended;
 * and, when the user paused or stopped it, the calm line that says what that means (not a problem).
 */
final class PushControls {

    private final WizardContext context;
    private final Button pause;
    private final Button retry;
    private final Label pausedBanner;
    private final Label stoppedNote;

    PushControls(WizardContext context, Button pause, Button retry, Label pausedBanner, Label stoppedNote) {
        this.context = context;
        this.pause = pause;
        this.retry = retry;
        this.pausedBanner = pausedBanner;
        this.stoppedNote = stoppedNote;
    }

    void clear() {
        pausedBanner.setVisible(false);
        stoppedNote.setVisible(false);
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

    /** A failure: Retry, under the problem's own explanation. */
    void failed() {
        retry.setVisible(true);
    }

    private void offer(String key) {
        retry.setText(context.text(key));
        retry.setVisible(true);
        retry.requestFocus();
    }
}
