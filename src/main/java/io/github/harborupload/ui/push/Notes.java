package io.github.harborupload.ui.push;

import javafx.scene.control.Label;

/** The push step's one-line notes on its own bookkeeping (the spool, the state file). */
final class Notes {

    private Notes() {
    }

    /** Each note shows once what it says became true, and stays until the next push clears it. */
    static void showOnce(Label note, String text) {
        if (!note.isVisible()) {
            note.setText(text);
            note.setVisible(true);
        }
    }
}
