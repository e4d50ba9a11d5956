package io.github.harborupload.ui.credentials;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The banner offering the login Docker keeps for the registry typed ("Use the saved login of X"),
 * or saying why it could not be read. Only the answer to the latest lookup is shown.
 */
final class StoredLogin {

    private final WizardContext context;
    private final UploadSession session;
    private final CredentialsStep step;
    private final HBox banner;
    private final Label label;
    private final Button useButton;
    /** The form checks itself again after each answer: Next may now use the saved login. */
    private final Runnable answered;
    /** Looking up a saved login may start a credential helper: wait until the user stops typing. */
    private final PauseTransition lookupDelay = new PauseTransition(Duration.millis(400));
    private int lookups;

    StoredLogin(WizardContext context, HBox banner, Label label, Button useButton, Runnable answered) {
        this.context = context;
        this.session = context.session();
        this.step = context.credentialsStep();
        this.banner = banner;
        this.label = label;
        this.useButton = useButton;
        this.answered = answered;
        lookupDelay.setOnFinished(e -> lookUp());
    }

    /** The registry is being typed: looks up once the typing pauses. */
    void lookUpSoon() {
        lookupDelay.playFromStart();
    }

    void lookUp() {
        String registry = session.registry();
        int lookup = ++lookups;
        banner.setVisible(false);
        if (CredentialsStep.registryProblem(registry).isPresent()) {
            session.setStoredLogin(null);
            return;
        }
        Background.of(() -> step.findStoredLogin(registry))
                .onSuccess(login -> {
                    if (lookup == lookups) {
                        show(registry, login);
                    }
                })
                .onFailure(failure -> {
                    if (lookup == lookups) {
                        session.setStoredLogin(null);
                        label.setText(context.text("credentials.stored.unreadable", failure.getMessage()));
                        useButton.setVisible(false);
                        banner.setVisible(true);
                    }
                })
                .executeWith(context.background());
    }

    void stop() {
        lookupDelay.stop();
    }

    private void show(String registry, Optional<Credential> login) {
        session.setStoredLogin(login.orElse(null));
        login.ifPresent(stored -> {
            label.setText(context.text("credentials.stored.found", registry, stored.username()));
            useButton.setVisible(true);
            banner.setVisible(true);
        });
        answered.run();
    }
}
