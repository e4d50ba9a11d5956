package io.github.harborupload.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The questions as JavaFX alerts, styled as the wizard, the safe answer the default. */
public final class AlertDialogs implements DialogService {

    private static final double FONT_SCALE = 1.25;
    private static final double BUTTON_PADDING_AND_GAP = 36;
    private static final double BUTTON_BAR_SIDES = 48;

    @Override
    public boolean confirm(Window owner, Question question) {
        return ask(owner, question, Optional.empty()).showAndWait().filter(Answer.PROCEED::equals).isPresent();
    }

    @Override
    public Answer choose(Window owner, Choice choice) {
        if (!choice.asked().get()) {
            return Answer.KEEP;
        }
        Asked asked = ask(owner, choice.question(), choice.gentler());
        // Closing picks the cancel button (keep): the question is over, nothing is to be done.
        ChangeListener<Boolean> over = (obs, was, still) -> {
            if (!still) {
                asked.alert().close();
            }
        };
        choice.asked().addListener(over);
        try {
            return asked.showAndWait().orElse(Answer.KEEP);
        } finally {
            choice.asked().removeListener(over);
        }
    }

    /** An alert and which of its buttons means what. */
    private record Asked(Alert alert, ButtonType gentler, ButtonType proceed) {

        Optional<Answer> showAndWait() {
            return alert.showAndWait().map(button -> button == proceed ? Answer.PROCEED
                    : button == gentler ? Answer.GENTLER : Answer.KEEP);
        }
    }

    private static Asked ask(Window owner, Question question, Optional<String> gentlerText) {
        ButtonType keep = new ButtonType(question.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType proceed = new ButtonType(question.proceed(), ButtonBar.ButtonData.OK_DONE);
        ButtonType gentler = gentlerText.map(text -> new ButtonType(text, ButtonBar.ButtonData.OTHER)).orElse(null);
        List<ButtonType> buttons = new ArrayList<>(List.of(keep));
        if (gentler != null) {
            buttons.add(gentler);
        }
        buttons.add(proceed);
        Alert alert = new Alert(question.type(), question.text(), buttons.toArray(ButtonType[]::new));
        alert.setHeaderText(question.title());
        alert.initOwner(owner);
        makeDefault(alert, keep);
        leaveRoomForButtons(alert);
        return new Asked(alert, gentler, proceed);
    }

    /**
     * A dialog wide enough for every button's whole text. The button bar measures its buttons
     * before the wizard's font and padding apply, and the dialog takes its width from that: "Keep
     * uploading" read "Keep uplo…". Given the room, the bar shows each whole. The scale and the
     * padding are the wizard's (14 px text measured in JavaFX's 13 px default, 12 px each side).
     */
    private static void leaveRoomForButtons(Alert alert) {
        double room = BUTTON_BAR_SIDES;
        for (ButtonType type : alert.getButtonTypes()) {
            room += new Text(type.getText()).getLayoutBounds().getWidth() * FONT_SCALE + BUTTON_PADDING_AND_GAP;
        }
        alert.getDialogPane().setMinWidth(room);
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
