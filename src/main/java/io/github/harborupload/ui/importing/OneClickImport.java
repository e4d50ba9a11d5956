package io.github.harborupload.ui.importing;

import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The import in one click with a platform session, run in the background and confirmed by the
 * platform's list: offered on the import step, and on Done when the image was passed by unimported.
 */
public final class OneClickImport {

    private final WizardContext context;
    private final UploadSession session;
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    public OneClickImport(WizardContext context) {
        this.context = context;
        this.session = context.session();
    }

    public ObservableBooleanValue running() {
        return running;
    }

    /**
     * Imports the session's image; shows in {@code problems} why it did not work, if it did not,
     * then calls {@code after} on the FX thread either way (the session says whether it is imported).
     */
    public void start(ProblemPane problems, Runnable after) {
        PlatformSession platform = session.platform().orElseThrow();
        session.setImported(false);
        run(() -> ImportStep.importAndConfirm(context.services(), platform, session).confirmed(), session.target().link(),
                problems, after);
    }

    /**
     * Imports an earlier upload by its link (the list of uploads), with the session's platform
     * sign-in; as {@link #start(ProblemPane, Runnable)}, the history then says whether it is imported.
     */
    public void start(String link, ProblemPane problems, Runnable after) {
        PlatformSession platform = session.platform().orElseThrow();
        run(() -> {
            boolean confirmed = ImportStep.importLink(context.services(), platform, link).confirmed();
            // The image of this session, imported from the list: Done then says so.
            if (confirmed && link.equals(session.target().link())) {
                session.setImported(true);
            }
            return confirmed;
        }, link, problems, after);
    }

    private void run(Callable<Boolean> work, String link, ProblemPane problems, Runnable after) {
        problems.clear();
        running.set(true);
        Background.of(work)
                .onFinished(() -> running.set(false))
                .onSuccess(confirmed -> {
                    if (!confirmed) {
                        problems.show(context.view(Problems.ofUnconfirmedImport(link)));
                    }
                    after.run();
                })
                .onFailure(failure -> {
                    Problem problem = Problems.of(failure);
                    session.forgetExpiredPlatform(problem);
                    problems.show(context.view(problem));
                    after.run();
                })
                .executeWith(context.background());
    }
}
