package io.github.harborupload.ui.platform;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.SignInMethod;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.Dialogs;
import io.github.harborupload.ui.common.ProblemView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/**
 * Signing in to the GPU platform, in a dialog of its own (PlatformSignIn.fxml, this its controller):
 * address, account, the kind of account when the platform takes two ({@link MethodChoice}), "stay
 * signed in". The dialog stays open with its fields on a failure and shows the problem inside.
 */
public final class PlatformSignIn {

    @FXML
    private TextField address;
    @FXML
    private TextField username;
    @FXML
    private PasswordField password;
    @FXML
    private ToggleGroup methods;
    @FXML
    private RadioButton ldapButton;
    @FXML
    private RadioButton normalButton;
    @FXML
    private CheckBox stayIn;
    @FXML
    private ButtonType signInType;

    private final WizardContext context;
    private final PlatformAccess access;
    private final Dialog<PlatformSession> dialog = new Dialog<>();
    private final MethodChoice method;
    private final BooleanProperty signingIn = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProblemView> problem = new SimpleObjectProperty<>();
    private final BooleanBinding failed = problem.isNotNull();

    private PlatformSignIn(WizardContext context) {
        this.context = context;
        this.access = context.platformAccess();
        this.method = new MethodChoice(context);
    }

    /** Shows the dialog; the session when the user signed in, empty when they gave up. */
    public static Optional<PlatformSession> ask(WizardContext context, Window owner) {
        return new PlatformSignIn(context).dialog(owner).showAndWait();
    }

    private Dialog<PlatformSession> dialog(Window owner) {
        FXMLLoader loader = new FXMLLoader(PlatformSignIn.class.getResource("PlatformSignIn.fxml"), context.texts());
        loader.setController(this);
        try {
            dialog.setDialogPane(loader.load());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load PlatformSignIn.fxml", e);
        }
        Dialogs.styled(dialog);
        dialog.initOwner(owner);
        dialog.setTitle(context.text("platform.title"));
        // The session is the result, set when signing in succeeds; a button alone gives none.
        dialog.setResultConverter(button -> null);
        Button signInButton = (Button) dialog.getDialogPane().lookupButton(signInType);
        signInButton.setId("platformSignInButton");
        signInButton.disableProperty().bind(username.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        // Signing in takes a round trip: keep the dialog open until it is done, and say why if it fails.
        signInButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            signIn();
        });
        dialog.setOnShown(e -> {
            (username.getText().isEmpty() ? username : password).requestFocus();
            method.learn(access, address.getText().trim());
        });
        return dialog;
    }

    @FXML
    private void initialize() {
        address.setText(context.settings().platformAddress());
        username.setText(context.session().platformUsername());
        // Another platform may sign in another way: ask it once the address is typed.
        address.focusedProperty().addListener((observable, was, now) -> {
            if (!now) {
                method.learn(access, address.getText().trim());
            }
        });
        method.preferredProperty().addListener((observable, was, now) -> selectPreferred());
        method.offeredProperty().addListener((observable, was, now) -> {
            selectPreferred();
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private void selectPreferred() {
        methods.selectToggle(method.preferredProperty().get() == SignInMethod.NORMAL ? normalButton : ldapButton);
    }

    /** The kind chosen, or null when the platform takes one kind only: then the flow picks it. */
    private SignInMethod chosenMethod() {
        if (!method.isOffered()) {
            return null;
        }
        return methods.getSelectedToggle() == normalButton ? SignInMethod.NORMAL : SignInMethod.LDAP;
    }

    private void signIn() {
        signingIn.set(true);
        problem.set(null);
        String typedAddress = address.getText().trim();
        String typedUser = username.getText().trim();
        Background.of(() -> access.signIn(typedAddress, chosenMethod(), typedUser, password.getText(), stayIn.isSelected()))
                .onFinished(() -> signingIn.set(false))
                .onSuccess(session -> {
                    context.updateSettings(s -> s.withPlatformAddress(typedAddress));
                    context.session().setPlatformUsername(typedUser);
                    dialog.setResult(session);
                    dialog.close();
                })
                .onFailure(failure -> {
                    problem.set(context.view(Problems.of(failure)));
                    password.requestFocus();
                })
                .executeWith(context.background());
    }

    /* What the view binds to */

    public MethodChoice getMethod() {
        return method;
    }

    public BooleanProperty signingInProperty() {
        return signingIn;
    }

    public boolean isSigningIn() {
        return signingIn.get();
    }

    public ObjectProperty<ProblemView> problemProperty() {
        return problem;
    }

    public ProblemView getProblem() {
        return problem.get();
    }

    public BooleanBinding failedProperty() {
        return failed;
    }

    public boolean isFailed() {
        return failed.get();
    }
}
