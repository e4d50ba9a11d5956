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
import io.github.harborupload.ui.common.ProblemView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;

/**
 * Step 2: checks the login with the registry through Docker and stores it, as docker login does.
 * A page of properties the view binds to ({@code ${controller.…}} in LoginStep.fxml) and its actions.
 */
public final class LoginStepController implements StepController {

    @FXML
    private Button retryButton;
    @FXML
    private Button editPasswordButton;

    private final WizardContext context;
    private final UploadSession session;
    private final LoginStep step;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty checking = new SimpleStringProperty("");
    private final StringProperty savedIn = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty loggedIn = new SimpleBooleanProperty(false);
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    /** The registry refused the password itself: editing it is what helps. */
    private final BooleanProperty refused = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProblemView> problem = new SimpleObjectProperty<>();

    public LoginStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.loginStep();
        title.set(context.text("login.title"));
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
        failed.set(false);
        refused.set(false);
        problem.set(null);
        title.set(context.text("login.title"));
        checking.set(context.text("login.checking", registry, credential.username()));
        running.set(true);
        Background.of(() -> step.login(registry, credential, stored))
                .onFinished(() -> running.set(false))
                .onSuccess(store -> {
                    session.loggedIn(credential, store);
                    context.updateSettings(s -> s.withLogin(registry, credential.username()));
                    savedIn.set(context.text("login.savedIn", context.text(store.description())));
                    title.set(context.text("login.title.succeeded"));
                    loggedIn.set(true);
                })
                .onFailure(failure -> {
                    title.set(context.text("login.title.failed"));
                    Problem found = Problems.of(failure, ProblemContext.none().withRegistry(registry));
                    session.setLoginRefused(LoginStep.refusedCredential(found));
                    problem.set(context.view(found));
                    failed.set(true);
                    refused.set(session.loginRefused());
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
        if (refused.get()) {
            return editPasswordButton;
        }
        return failed.get() ? retryButton : null;
    }

    /* What the view binds to */

    public StringProperty titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public StringProperty checkingProperty() {
        return checking;
    }

    public String getChecking() {
        return checking.get();
    }

    public StringProperty savedInProperty() {
        return savedIn;
    }

    public String getSavedIn() {
        return savedIn.get();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public boolean isRunning() {
        return running.get();
    }

    public BooleanProperty loggedInProperty() {
        return loggedIn;
    }

    public boolean isLoggedIn() {
        return loggedIn.get();
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public boolean isFailed() {
        return failed.get();
    }

    public BooleanProperty refusedProperty() {
        return refused;
    }

    public boolean isRefused() {
        return refused.get();
    }

    public ObjectProperty<ProblemView> problemProperty() {
        return problem;
    }

    public ProblemView getProblem() {
        return problem.get();
    }
}
