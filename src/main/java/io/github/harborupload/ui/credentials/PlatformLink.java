package io.github.harborupload.ui.credentials;

import io.github.harborupload.flow.PlatformAccess.HarborLogin;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.platform.PlatformSignIn;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The first step's way to the GPU platform: "Sign in" or "Fetch new credentials as X", and Sign out.
 * New credentials fill the form; what went wrong shows in the step's problem pane.
 */
final class PlatformLink {

    private final WizardContext context;
    private final UploadSession session;
    private final Hyperlink link;
    private final Hyperlink signOutLink;
    private final ProblemPane problemPane;
    /** Where the step says, in one line, what the platform did (fetched, signed out). */
    private final Label feedback;
    private final Consumer<HarborLogin> fill;

    PlatformLink(WizardContext context, Hyperlink link, Hyperlink signOutLink, ProblemPane problemPane, Label feedback,
                 Consumer<HarborLogin> fill) {
        this.context = context;
        this.session = context.session();
        this.link = link;
        this.signOutLink = signOutLink;
        this.problemPane = problemPane;
        this.feedback = feedback;
        this.fill = fill;
    }

    /** On entering the step: a session kept from an earlier start signs in by itself. */
    void resumeKept() {
        if (session.platform().isEmpty()) {
            String address = context.settings().platformAddress();
            // A kept session that cannot be resumed leaves the sign-in link as it is.
            Background.of(() -> context.platformAccess().resume(address))
                    .onSuccess(kept -> kept.ifPresent(platform -> {
                        session.setPlatform(platform);
                        show();
                    }))
                    .executeWith(context.background());
        }
        show();
    }

    private void show() {
        link.setText(session.platform()
                .map(platform -> context.text("credentials.platform.fetch", platform.username()))
                .orElse(context.text("credentials.platform.signIn")));
        signOutLink.setVisible(session.platform().isPresent());
    }

    /**
     * Signs out of the platform: the session leaves this window and every session kept on this
     * computer is forgotten, so the next start does not sign in again. One that may still be kept
     * (the keychain could not be reached) is shown as a problem, never as signed out.
     */
    void signOut() {
        problemPane.clear();
        session.setPlatform(null);
        show();
        link.setDisable(true);
        Background.of(() -> {
                    context.platformAccess().signOutEverywhere();
                    return null;
                })
                .onFinished(() -> link.setDisable(false))
                .onSuccess(done -> FieldReason.show(feedback, context.text("credentials.platform.signedOut"), FieldReason.OK))
                .onFailure(failure -> problemPane.show(context.view(Problems.of(failure))))
                .executeWith(context.background());
    }

    /**
     * New credentials straight from the platform: sign in if needed, then, after a warning (the
     * platform resets the Harbor password), fetch them and fill the form.
     */
    void fetch() {
        problemPane.clear();
        Window window = link.getScene().getWindow();
        Optional<PlatformSession> platform = session.platform().or(() -> PlatformSignIn.ask(context, window));
        if (platform.isEmpty()) {
            return;
        }
        session.setPlatform(platform.get());
        show();
        if (!confirmReset(window)) {
            return;
        }
        link.setDisable(true);
        Background.of(() -> context.platformAccess().fetchHarborLogin(platform.get()))
                .onFinished(() -> link.setDisable(false))
                .onSuccess(login -> {
                    fill.accept(login);
                    FieldReason.show(feedback, context.text("credentials.platform.fetched", login.credential().username()),
                            FieldReason.OK);
                })
                .onFailure(failure -> {
                    Problem problem = Problems.of(failure);
                    if (session.forgetExpiredPlatform(problem)) {
                        show();
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
}
