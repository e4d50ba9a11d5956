package io.github.harborupload.ui.credentials;

import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.credentials.PastedCredentials;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.KeyboardTraversal;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * The box the login dialog's text is pasted into: what it finds goes into the fields below, and
 * one line under the box says what was found or what is wrong with the paste.
 */
final class PasteBox {

    private final WizardContext context;
    private final UploadSession session;
    private final CredentialsStep step;
    private final TextArea area;
    private final Label feedback;
    private final TextField registryField;
    private final TextField usernameField;
    private final TextField passwordField;

    PasteBox(WizardContext context, TextArea area, Label feedback, TextField registryField, TextField usernameField,
             TextField passwordField) {
        this.context = context;
        this.session = context.session();
        this.step = context.credentialsStep();
        this.area = area;
        this.feedback = feedback;
        this.registryField = registryField;
        this.usernameField = usernameField;
        this.passwordField = passwordField;
        area.setTextFormatter(new TextFormatter<String>(this::refuseHugePaste));
        area.textProperty().addListener((obs, old, now) -> apply(now));
        KeyboardTraversal.tabLeaves(area);
    }

    /**
     * A change that would make the paste longer than any credential dialog is refused whole: a 10 MB
     * paste held the window for seconds (laying out the text area), and what the area had stays.
     */
    private TextFormatter.Change refuseHugePaste(TextFormatter.Change change) {
        if (change.getControlNewText().length() <= CredentialsStep.MAX_PASTE_LENGTH) {
            return change;
        }
        FieldReason.show(feedback, context.text(CredentialIssue.PASTE_TOO_LONG.text()), FieldReason.ERROR);
        return null;
    }

    private void apply(String text) {
        if (text.equals(session.pastedText())) {
            return;
        }
        PastedCredentials parsed = step.applyPaste(session, text);
        // Only the fields the paste filled change; what the user typed elsewhere stays.
        parsed.registry().ifPresent(registry -> registryField.setText(registry));
        parsed.username().ifPresent(usernameField::setText);
        parsed.password().ifPresent(passwordField::setText);
        // Errors belong to the paste; warnings about a field are shown beside that field.
        String errors = parsed.issues().stream().filter(CredentialIssue::isError)
                .map(issue -> context.text(issue.text())).collect(Collectors.joining("\n"));
        if (text.isBlank()) {
            FieldReason.show(feedback, "", FieldReason.OK);
        } else if (!errors.isEmpty()) {
            FieldReason.show(feedback, errors, FieldReason.ERROR);
        } else {
            FieldReason.show(feedback, context.text("credentials.paste.found", parsed.username().orElse("")),
                    FieldReason.OK);
            if (parsed.password().isPresent()) {
                // The fields now hold the login; the pasted text would show the password in clear.
                session.setPastedText("");
                area.clear();
            }
        }
    }
}
