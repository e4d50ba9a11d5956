package io.github.harborupload.ui.common;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * The wizard's questions to the user, asked in one place (JabRef's shape): controllers say what to
 * ask, not how a dialog is built, and a test can answer for the user.
 */
public interface DialogService {

    /**
     * A question before something that loses work or cannot be undone.
     *
     * @param title   the dialog's header
     * @param text    what happens, and why it matters
     * @param keep    the answer that loses nothing: Enter and Esc choose it
     * @param proceed the answer that goes ahead
     */
    record Question(Alert.AlertType type, String title, String text, String keep, String proceed) {
    }

    /** True only when the user chose {@link Question#proceed()}. */
    boolean confirm(Window owner, Question question);
}
