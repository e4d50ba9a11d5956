package io.github.harborupload.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;

/** Small helpers for the few confirmation dialogs. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Makes {@code safe} the button Enter presses. A question that Esc or a stray Enter can raise
     * ("close?", "stop the upload?") must default to the answer that loses nothing.
     */
    public static void makeDefault(Alert alert, ButtonType safe) {
        for (ButtonType type : alert.getButtonTypes()) {
            Button button = (Button) alert.getDialogPane().lookupButton(type);
            button.setDefaultButton(type == safe);
        }
    }
}
