package io.github.harborupload.ui.common;

import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
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

    /**
     * A {@link Question} about something that can end by itself while it is asked (a push), with a
     * gentler way ahead beside the full one (Pause beside Stop) where there is one.
     *
     * @param gentler the answer between keeping and proceeding, if any
     * @param asked   true while the question means anything: when it turns false the dialog
     *                closes as if kept, so no answer is given to a question that is over
     */
    record Choice(Question question, Optional<String> gentler, ObservableBooleanValue asked) {
    }

    /** What the user chose in a {@link Choice}; {@code KEEP} also when the question was over first. */
    enum Answer { KEEP, GENTLER, PROCEED }

    Answer choose(Window owner, Choice choice);
}
