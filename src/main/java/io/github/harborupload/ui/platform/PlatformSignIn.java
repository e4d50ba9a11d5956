package io.github.harborupload.ui.platform;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.Dialogs;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Signing in to the GPU platform, in a dialog of its own: address, account, the kind of account
 * when the platform takes two ({@link MethodChoice}), "stay signed in". The dialog stays open with
 * its fields on a failure and shows the problem inside.
 */
public final class PlatformSignIn {

    private PlatformSignIn() {
    }

    /** Shows the dialog; the session when the user signed in, empty when they gave up. */
    public static Optional<PlatformSession> ask(WizardContext context, Window owner) {
        PlatformAccess access = context.platformAccess();
        Dialog<PlatformSession> dialog = Dialogs.styled(new Dialog<>());
        dialog.initOwner(owner);
        dialog.setTitle(context.text("platform.title"));
        dialog.setHeaderText(context.text("platform.header"));

        TextField address = field("platformAddress", context.settings().platformAddress());
        TextField username = field("platformUsername", context.session().platformUsername());
        PasswordField password = new PasswordField();
        password.setId("platformPassword");
        MethodChoice method = new MethodChoice(context);
        CheckBox stayIn = new CheckBox(context.text("platform.stayIn"));
        stayIn.setId("platformStayIn");
        ProblemPane problem = new ProblemPane(context.texts());
        problem.setId("platformProblem");
        problem.setMaxWidth(520);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, label(context, "platform.address", address), address);
        form.addRow(1, label(context, "platform.username", username), username);
        form.addRow(2, label(context, "platform.password", password), password);
        form.add(method.node(), 1, 3);
        form.add(stayIn, 1, 4);
        Label privacy = new Label(context.text("platform.privacy"));
        privacy.setWrapText(true);
        privacy.setMaxWidth(520);
        privacy.getStyleClass().add("muted");
        // A long problem scrolls inside the dialog rather than pushing its buttons off the screen.
        ScrollPane problemScroll = new ScrollPane(problem);
        problemScroll.setFitToWidth(true);
        problemScroll.setMaxHeight(220);
        problemScroll.getStyleClass().add("step-scroll");
        problemScroll.visibleProperty().bind(problem.visibleProperty());
        problemScroll.managedProperty().bind(problem.visibleProperty());
        VBox content = new VBox(12, form, privacy, problemScroll);
        dialog.getDialogPane().setContent(content);

        ButtonType signIn = new ButtonType(context.text("platform.signIn"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(context.cancelButton(), signIn);
        // The session is the result, set when signing in succeeds; a button alone gives none.
        dialog.setResultConverter(button -> null);
        Button signInButton = (Button) dialog.getDialogPane().lookupButton(signIn);
        signInButton.setId("platformSignInButton");
        signInButton.disableProperty().bind(username.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        // Signing in takes a round trip: keep the dialog open until it is done, and say why if it fails.
        signInButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            content.setDisable(true);
            problem.clear();
            String typedAddress = address.getText().trim();
            String typedUser = username.getText().trim();
            Background.of(() -> access.signIn(typedAddress, method.chosen(), typedUser, password.getText(), stayIn.isSelected()))
                    .onSuccess(session -> {
                        context.updateSettings(s -> s.withPlatformAddress(typedAddress));
                        context.session().setPlatformUsername(typedUser);
                        dialog.setResult(session);
                        dialog.close();
                    })
                    .onFailure(failure -> {
                        content.setDisable(false);
                        problem.show(context.view(Problems.of(failure)));
                        password.requestFocus();
                    })
                    .executeWith(context.background());
        });
        dialog.setOnShown(e -> {
            (username.getText().isEmpty() ? username : password).requestFocus();
            method.learn(access, address.getText().trim());
        });
        // Another platform may sign in another way: ask it once the address is typed.
        address.focusedProperty().addListener((observable, was, now) -> {
            if (!now) {
                method.learn(access, address.getText().trim());
            }
        });
        return dialog.showAndWait();
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPrefColumnCount(28);
        return field;
    }

    private static Label label(WizardContext context, String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}
