package io.github.harborupload.ui.credentials;

import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.PlatformAccess.HarborLogin;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.history.HistoryLinks;
import io.github.harborupload.ui.common.Scrolling;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

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
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;
    private ResumeOffer resumeOffer;
    private PlatformLink platform;
    private StoredLogin storedLogin;
    private PasswordReveal passwordReveal;

    public CredentialsStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("credentialsProblem");
        problemBox.getChildren().add(problemPane);
        resumeOffer = new ResumeOffer(context, () -> registryField.setText(session.registry()));
        resumeBox.getChildren().add(resumeOffer.node());
        historyLinksBox.getChildren().add(new HistoryLinks(context, () -> { }));
        platform = new PlatformLink(context, platformLink, platformSignOut, problemPane, pasteFeedback, this::fill);
        storedLogin = new StoredLogin(context, storedBanner, storedLabel, useStoredButton, this::revalidate);
        registryField.setText(session.registry());
        usernameField.setText(session.username());
        passwordField.setText(session.password());
        pasteArea.setText(session.pastedText());
        passwordReveal = new PasswordReveal(context, passwordField, passwordShown, revealToggle);

        registryField.textProperty().addListener((obs, old, now) -> {
            session.setRegistry(CredentialsStep.normalizeRegistry(now));
            storedLogin.lookUpSoon();
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
        new PasteBox(context, pasteArea, pasteFeedback, registryField, usernameField, passwordField);
        Scrolling.revealWhenShown(scroll, passwordReason);
        revalidate();
    }

    @Override
    public void entered() {
        storedLogin.lookUp();
        resumeOffer.refresh();
        platform.resumeKept();
    }

    @FXML
    private void signOut() {
        platform.signOut();
    }

    @FXML
    private void fromPlatform() {
        platform.fetch();
    }

    /** New credentials from the platform fill the form as if typed. */
    private void fill(HarborLogin login) {
        registryField.setText(login.registry());
        usernameField.setText(login.credential().username());
        passwordField.setText(login.credential().password());
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
        storedLogin.stop();
    }

    @Override
    public Node initialFocus() {
        // After a refused login, trying again needs another password, not another paste.
        return session.loginRefused() ? passwordReveal.field() : pasteArea;
    }
}
