package io.github.harborupload.ui.push;

import io.github.harborupload.flow.PushRun;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.DialogService;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * What Cancel asks while a push runs. It says what is true for the pusher in use, offers Pause
 * where it can, and closes by itself when the push ends meanwhile (issue 15, item 9: it stayed,
 * and Stop did nothing).
 */
final class StopQuestion {

    private StopQuestion() {
    }

    /** Puts the question over {@code owner}; the answer is to keep, stop or pause {@code push}. */
    static DialogService.Answer ask(WizardContext context, Window owner, PushRun push, ObservableBooleanValue running) {
        return context.dialogs().choose(owner, about(context, push, running));
    }

    /** {@code running} goes false when the push ends: the dialog then closes as if kept. */
    private static DialogService.Choice about(WizardContext context, PushRun push, ObservableBooleanValue running) {
        boolean own = push.canPause();
        return new DialogService.Choice(
                new DialogService.Question(Alert.AlertType.CONFIRMATION, context.text("push.cancel.title"),
                        context.text(own ? "push.cancel.text.own" : "push.cancel.text.engine"),
                        context.text("push.cancel.keep"), context.text("push.cancel.stop")),
                own ? Optional.of(context.text("push.cancel.pause")) : Optional.empty(), running);
    }
}
