package io.github.harborupload.ui.credentials;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.credentials.PastedCredentials;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.KeyboardTraversal;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.history.HistoryLinks;
import io.github.harborupload.ui.common.Scrolling;
import io.github.harborupload.ui.platform.PlatformSignIn;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/** Step 1: the Harbor address, and the username and password pasted or typed. */
public final class CredentialsStepController implements StepController {

    @FXML
    private Hyperlink platformLink;
    @FXML
    private Hyperlink platformSignOut;
    @FXML
    private VBox resumeBox;
    @FXML
    private VBox problemBox;
    @FXML
    private HBox storedBanner;
    @FXML
    private Label storedLabel;
    @FXML
    private Button useStoredButton;
    @FXML
    private TextField registryField;
    @FXML
    private Hyperlink harborWebLink;
    @FXML
    private Label registryReason;
    @FXML
    private TextArea pasteArea;
    @FXML
    private Label pasteFeedback;
    @FXML
    private ScrollPane scroll;
    @FXML
    private TextField usernameField;
    @FXML
    private Label usernameReason;
    @FXML
    private PasswordField passwordField;
    @FXML
    private TextField passwordShown;
    @FXML
    private ToggleButton revealToggle;
    @FXML
    private Label passwordReason;
    @FXML
    private VBox historyLinksBox;

    private final WizardContext context;
    private final UploadSession session;
    private final CredentialsStep step;
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    /** Looking up a saved login may start a credential helper: wait until the user stops typing. */
    private final PauseTransition lookupDelay = new PauseTransition(Duration.millis(400));
    private int lookups;
    private ProblemPane problemPane;
    private ResumeOffer resumeOffer;

    public CredentialsStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.credentialsStep();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("credentialsProblem");
        problemBox.getChildren().add(problemPane);
        resumeOffer = new ResumeOffer(context, () -> registryField.setText(session.registry()));
        resumeBox.getChildren().add(resumeOffer.node());
        historyLinksBox.getChildren().add(new HistoryLinks(context, () -> { }));
        registryField.setText(session.registry());
        usernameField.setText(session.username());
        passwordField.setText(session.password());
        pasteArea.setText(session.pastedText());
        passwordShown.textProperty().bindBidirectional(passwordField.textProperty());
        passwordShown.visibleProperty().bind(revealToggle.selectedProperty());
        passwordField.visibleProperty().bind(revealToggle.selectedProperty().not());
        revealToggle.selectedProperty().addListener((obs, was, shown) -> revealToggle.setText(
                context.text(shown ? "credentials.password.hide" : "credentials.password.show")));

        registryField.textProperty().addListener((obs, old, now) -> {
            session.setRegistry(CredentialsStep.normalizeRegistry(now));
            lookupDelay.playFromStart();
            revalidate();
        });
        usernameField.textProperty().addListener((obs, old, now) -> {
            session.setUsername(now);
            session.setUseStoredLogin(false);
            revalidate();
        });
        passwordField.textProperty().addListener((obs, old, now) -> {
            session.setPassword(now);
            session.setUseStoredLogin(false);
            revalidate();
        });
        pasteArea.setTextFormatter(new TextFormatter<String>(this::refuseHugePaste));
        pasteArea.textProperty().addListener((obs, old, now) -> applyPaste(now));
        KeyboardTraversal.tabLeaves(pasteArea);
        Scrolling.revealWhenShown(scroll, passwordReason);
        lookupDelay.setOnFinished(e -> lookUpStoredLogin());
        revalidate();
    }

    @Override
    public void entered() {
        lookUpStoredLogin();
        resumeOffer.refresh();
        if (session.platform().isEmpty()) {
            String address = context.settings().platformAddress();
            // A kept session that cannot be resumed leaves the sign-in link as it is.
            Background.of(() -> context.platformAccess().resume(address))
                    .onSuccess(kept -> kept.ifPresent(platform -> {
                        session.setPlatform(platform);
                        showPlatform();
                    }))
                    .executeWith(context.background());
        }
        showPlatform();
    }

    private void showPlatform() {
        platformLink.setText(session.platform()
                .map(platform -> context.text("credentials.platform.fetch", platform.username()))
                .orElse(context.text("credentials.platform.signIn")));
        platformSignOut.setVisible(session.platform().isPresent());
    }

    /**
     * Signs out of the platform: the session leaves this window and every session kept on this
     * computer is forgotten, so the next start does not sign in again. One that may still be kept
     * (the keychain could not be reached) is shown as a problem, never as signed out.
     */
    @FXML
    private void signOut() {
        problemPane.clear();
        session.setPlatform(null);
        showPlatform();
        platformLink.setDisable(true);
        Background.of(() -> {
                    context.platformAccess().signOutEverywhere();
                    return null;
                })
                .onFinished(() -> platformLink.setDisable(false))
                .onSuccess(done -> FieldReason.show(pasteFeedback, context.text("credentials.platform.signedOut"), FieldReason.OK))
                .onFailure(failure -> problemPane.show(context.view(Problems.of(failure))))
                .executeWith(context.background());
    }

    /**
     * New credentials straight from the platform: sign in if needed, then, after a warning (the
     * platform resets the Harbor password), fetch them and fill the form.
     */
    @FXML
    private void fromPlatform() {
        problemPane.clear();
        Window window = platformLink.getScene().getWindow();
        Optional<PlatformSession> platform = session.platform().or(() -> PlatformSignIn.ask(context, window));
        if (platform.isEmpty()) {
            return;
        }
        session.setPlatform(platform.get());
        showPlatform();
        if (!confirmReset(window)) {
            return;
        }
        platformLink.setDisable(true);
        Background.of(() -> context.platformAccess().fetchHarborLogin(platform.get()))
                .onFinished(() -> platformLink.setDisable(false))
                .onSuccess(login -> {
                    registryField.setText(login.registry());
                    usernameField.setText(login.credential().username());
                    passwordField.setText(login.credential().password());
                    FieldReason.show(pasteFeedback, context.text("credentials.platform.fetched", login.credential().username()),
                            FieldReason.OK);
                })
                .onFailure(failure -> {
                    Problem problem = Problems.of(failure);
                    if (session.forgetExpiredPlatform(problem)) {
                        showPlatform();
                    }
                    problemPane.show(context.view(problem));
                })
                .executeWith(context.background());
    }

    private boolean confirmReset(Window window) {
        return context.dialogs().confirm(window, new DialogService.Question(Alert.AlertType.WARNING,
                context.text("credentials.platform.reset.title"), context.text("credentials.platform.reset.text"),
                context.text("button.cancel"), context.text("credentials.platform.reset")));
    }

    /**
     * A change that would make the paste longer than any credential dialog is refused whole: a 10 MB
     * paste held the window for seconds (laying out the text area), and what the area had stays.
     */
    private TextFormatter.Change refuseHugePaste(TextFormatter.Change change) {
        if (change.getControlNewText().length() <= CredentialsStep.MAX_PASTE_LENGTH) {
            return change;
        }
        FieldReason.show(pasteFeedback, context.text(CredentialIssue.PASTE_TOO_LONG.text()), FieldReason.ERROR);
        return null;
    }

    private void applyPaste(String text) {
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
            FieldReason.show(pasteFeedback, "", FieldReason.OK);
        } else if (!errors.isEmpty()) {
            FieldReason.show(pasteFeedback, errors, FieldReason.ERROR);
        } else {
            FieldReason.show(pasteFeedback, context.text("credentials.paste.found", parsed.username().orElse("")),
                    FieldReason.OK);
            if (parsed.password().isPresent()) {
                // The fields now hold the login; the pasted text would show the password in clear.
                session.setPastedText("");
                pasteArea.clear();
            }
        }
    }

    private void revalidate() {
        Optional<Text> registry = CredentialsStep.registryProblem(registryField.getText());
        FieldReason.show(registryField, registryReason, registry.map(context::text).orElse(""), FieldReason.ERROR);
        showIssue(usernameField, usernameReason, usernameField.getText().isEmpty() ? Optional.empty()
                : CredentialsStep.usernameIssue(usernameField.getText()));
        showIssue(passwordField, passwordReason, passwordField.getText().isEmpty() ? Optional.empty()
                : CredentialsStep.passwordIssue(passwordField.getText()));
        harborWebLink.setDisable(registry.isPresent());
        ready.set(CredentialsStep.isReady(session));
    }

    private void showIssue(TextField field, Label label, Optional<CredentialIssue> issue) {
        FieldReason.show(field, label, issue.map(i -> context.text(i.text())).orElse(""),
                issue.map(i -> i.isError() ? FieldReason.ERROR : FieldReason.WARNING).orElse(FieldReason.OK));
    }

    private void lookUpStoredLogin() {
        String registry = session.registry();
        int lookup = ++lookups;
        storedBanner.setVisible(false);
        if (CredentialsStep.registryProblem(registry).isPresent()) {
            session.setStoredLogin(null);
            return;
        }
        Background.of(() -> step.findStoredLogin(registry))
                .onSuccess(found -> {
                    if (lookup == lookups) {
                        showStoredLogin(registry, found);
                    }
                })
                .onFailure(failure -> {
                    if (lookup == lookups) {
                        session.setStoredLogin(null);
                        storedLabel.setText(context.text("credentials.stored.unreadable", failure.getMessage()));
                        useStoredButton.setVisible(false);
                        storedBanner.setVisible(true);
                    }
                })
                .executeWith(context.background());
    }

    private void showStoredLogin(String registry, Optional<Credential> found) {
        session.setStoredLogin(found.orElse(null));
        found.ifPresent(login -> {
            storedLabel.setText(context.text("credentials.stored.found", registry, login.username()));
            useStoredButton.setVisible(true);
            storedBanner.setVisible(true);
        });
        revalidate();
    }

    @FXML
    private void useStoredLogin() {
        session.setUseStoredLogin(true);
        context.goTo(Step.LOGIN);
    }

    @FXML
    private void openHarborWeb() {
        context.openInBrowser("https://" + session.registry() + "/");
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return ready;
    }

    @Override
    public void next(Runnable advance) {
        session.setUseStoredLogin(false);
        advance.run();
    }

    @Override
    public void dispose() {
        lookupDelay.stop();
    }

    @Override
    public Node initialFocus() {
        // After a refused login, trying again needs another password, not another paste.
        if (session.loginRefused()) {
            return revealToggle.isSelected() ? passwordShown : passwordField;
        }
        return pasteArea;
    }
}
