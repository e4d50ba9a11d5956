package io.github.harborupload.ui.credentials;

import io.github.harborupload.ui.WizardContext;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;

/** Show/Hide beside the password: a plain field over the masked one, both holding the same text. */
final class PasswordReveal {

    private final PasswordField hidden;
    private final TextField shown;
    private final ToggleButton toggle;

    PasswordReveal(WizardContext context, PasswordField hidden, TextField shown, ToggleButton toggle) {
        this.hidden = hidden;
        this.shown = shown;
        this.toggle = toggle;
        shown.textProperty().bindBidirectional(hidden.textProperty());
        shown.visibleProperty().bind(toggle.selectedProperty());
        hidden.visibleProperty().bind(toggle.selectedProperty().not());
        toggle.selectedProperty().addListener((obs, was, now) -> toggle.setText(
                context.text(now ? "credentials.password.hide" : "credentials.password.show")));
    }

    /** The field the user sees and types the password in. */
    TextField field() {
        return toggle.isSelected() ? shown : hidden;
    }
}
