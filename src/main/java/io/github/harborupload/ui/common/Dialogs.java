package io.github.harborupload.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** Small helpers for the few confirmation dialogs. */
public final class Dialogs {

    private Dialogs() {
    }

    /** A dialog has a scene of its own: give it the wizard's stylesheet (fonts for Chinese, colours). */
    public static <T extends Dialog<?>> T styled(T dialog) {
        dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheet(), Theme.fontStylesheet());
        return dialog;
    }

    /**
     * Makes {@code safe} the button Enter presses. A question that Esc or a stray Enter can raise
     * ("close?", "stop the upload?") must default to the answer that loses nothing.
     */
    public static void makeDefault(Alert alert, ButtonType safe) {
        styled(alert);
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
