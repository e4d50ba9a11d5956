package io.github.harborupload.ui.common;

import javafx.scene.control.Dialog;

/** The wizard's look on a dialog, which has a scene of its own. */
public final class Dialogs {

    private Dialogs() {
    }

    /** A dialog has a scene of its own: give it the wizard's stylesheet (fonts for Chinese, colours). */
    public static <T extends Dialog<?>> T styled(T dialog) {
        dialog.getDialogPane().getStylesheets().addAll(Theme.stylesheet(), Theme.fontStylesheet());
        return dialog;
    }
}
