package io.github.harborupload.ui.login;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.LoginStep;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.ProblemPane;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 2: checks the login with the registry through Docker and stores it, as docker login does. */
public final class LoginStepController implements StepController {

    @FXML
    private Label titleLabel;
    @FXML
    private HBox checking;
    @FXML
    private Label checkingLabel;
    @FXML
    private VBox succeeded;
    @FXML
    private Label savedInLabel;
    @FXML
    private VBox problemBox;
    @FXML
    private Button retryButton;
    @FXML
    private Button editPasswordButton;

    private final WizardContext context;
    private final UploadSession session;
    private final LoginStep step;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty loggedIn = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;

    public LoginStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.loginStep();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("loginProblem");
        problemBox.getChildren().add(problemPane);
        checking.visibleProperty().bind(running);
    }

    @Override
    public void entered() {
        check();
    }

    @FXML
    private void retry() {
        check();
    }

    private void check() {
        String registry = session.registry();
        Credential credential = session.credentialToCheck();
        boolean stored = session.useStoredLogin();
        session.loggedOut();
        loggedIn.set(false);
        succeeded.setVisible(false);
        retryButton.setVisible(false);
        editPasswordButton.setVisible(false);
        problemPane.clear();
        titleLabel.setText(context.text("login.title"));
        checkingLabel.setText(context.text("login.checking", registry, credential.username()));
        running.set(true);
        Background.of(() -> step.login(registry, credential, stored))
                .onFinished(() -> running.set(false))
                .onSuccess(store -> {
                    session.loggedIn(credential, store);
                    context.updateSettings(s -> s.withLogin(registry, credential.username()));
                    savedInLabel.setText(context.text("login.savedIn", context.text(store.description())));
                    titleLabel.setText(context.text("login.title.succeeded"));
                    succeeded.setVisible(true);
                    loggedIn.set(true);
                })
                .onFailure(failure -> {
                    titleLabel.setText(context.text("login.title.failed"));
                    Problem problem = Problems.of(failure, ProblemContext.none().withRegistry(registry));
                    session.setLoginRefused(LoginStep.refusedCredential(problem));
                    problemPane.show(context.view(problem));
                    retryButton.setVisible(true);
                    editPasswordButton.setVisible(session.loginRefused());
                    (session.loginRefused() ? editPasswordButton : retryButton).requestFocus();
                })
                .executeWith(context.background());
    }

    @FXML
    private void editPassword() {
        context.goTo(Step.CREDENTIALS);
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return loggedIn;
    }

    @Override
    public ObservableBooleanValue busy() {
        return running;
    }

    @Override
    public Node initialFocus() {
        if (editPasswordButton.isVisible()) {
            return editPasswordButton;
        }
        return retryButton.isVisible() ? retryButton : null;
    }
}
