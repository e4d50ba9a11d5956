package io.github.harborupload.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The questions as JavaFX alerts, styled as the wizard, the safe answer the default. */
public final class AlertDialogs implements DialogService {

    @Override
    public boolean confirm(Window owner, Question question) {
        ButtonType keep = new ButtonType(question.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType proceed = new ButtonType(question.proceed(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(question.type(), question.text(), keep, proceed);
        alert.setHeaderText(question.title());
        alert.initOwner(owner);
        makeDefault(alert, keep);
        return alert.showAndWait().filter(proceed::equals).isPresent();
    }

    /**
     * Makes {@code safe} the button Enter presses. A question that Esc or a stray Enter can raise
     * ("close?", "stop the upload?") must default to the answer that loses nothing.
     */
    private static void makeDefault(Alert alert, ButtonType safe) {
        Dialogs.styled(alert);
        // Else JavaFX titles it in the system's language ("Confirmation", "Warning"), not the wizard's.
        if (alert.getOwner() instanceof Stage owner) {
            alert.setTitle(owner.getTitle());
        }
        for (ButtonType type : alert.getButtonTypes()) {
            Button button = (Button) alert.getDialogPane().lookupButton(type);
            button.setDefaultButton(type == safe);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
