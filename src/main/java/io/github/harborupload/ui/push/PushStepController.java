package io.github.harborupload.ui.push;

import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** Step 4: the push, live ({@link LiveProgress}), and how it ended: done, paused, stopped or failed. */
public final class PushStepController implements StepController {

    @FXML
    private Label titleLabel;
    @FXML
    private Label targetLabel;
    @FXML
    private OverallProgress overallController;
    @FXML
    private ProblemPane signalPane;
    @FXML
    private TableView<LayerRow> layerTable;
    @FXML
    private LayerTable layerTableController;
    @FXML
    private ResultBox resultController;
    @FXML
    private Label stateNote;
    @FXML
    private PushControls controlsController;

    private final WizardContext context;
    private final UploadSession session;
    private final PushStep step;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty succeeded = new SimpleBooleanProperty(false);
    private LiveProgress live;
    private PushRun run;
    private PushAttention attention;

    public PushStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.pushStep();
    }

    @FXML
    private void initialize() {
        attention = PushAttention.of(context, layerTable);
        live = new LiveProgress(context, overallController, layerTableController, signalPane, attention, this::showNotes);
        controlsController.onActions(this::pause, this::start);
    }

    /** A push the session already has (the view was rebuilt, or Back from import) is shown, not repeated. */
    @Override
    public void entered() {
        session.push().ifPresentOrElse(this::attach, this::start);
    }

    /** The chunk in flight finishes, then the push stops keeping what was sent; Resume starts it again. */
    private void pause() {
        if (run != null && !run.isDone()) {
            controlsController.pausing();
            run.pause();
        }
    }

    private void start() {
        try {
            attach(step.start(session.target(), session.credential().orElseThrow(), session.image().orElseThrow(),
                    PushMethod.of(context.settings())));
        } catch (RuntimeException e) {
            clear();
            showProblem(e);
        }
    }

    private void attach(PushRun push) {
        clear();
        run = push;
        session.setPush(push);
        targetLabel.setText(push.target().link());
        running.set(!push.isDone());
        controlsController.running(push);
        live.follow(push);
        push.completion().whenComplete((pushed, failure) -> Platform.runLater(() -> finished(push, pushed, failure)));
    }

    private void clear() {
        live.clear();
        resultController.clear();
        controlsController.clear();
        stateNote.setVisible(false);
        succeeded.set(false);
        titleLabel.setText(context.text("push.title"));
    }

    private void finished(PushRun push, PushResult pushed, Throwable failure) {
        if (push != run) {
            return;
        }
        live.last();
        running.set(false);
        controlsController.ended();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String notice;
        if (cause == null) {
            titleLabel.setText(context.text("push.title.done"));
            resultController.show(push, pushed);
            succeeded.set(true);
            notice = "push.notice.done";
        } else if (cause instanceof PushPausedException) {
            // A pause is the user's own doing, not a problem: one calm line beside Resume says what it means.
            showHalted(push, "push.title.paused", "push.layer.paused");
            controlsController.paused(push.snapshot().fraction());
            notice = "push.notice.paused";
        } else if (cause instanceof PushCancelledException) {
            // Stopped by the user: nothing failed, so no problem pane.
            showHalted(push, "push.title.stopped", "push.layer.stopped");
            controlsController.stopped(push);
            notice = "push.notice.stopped";
        } else {
            showProblem(cause);
            notice = "push.notice.failed";
        }
        attention.ended(context.text(cause == null ? "push.title.done" : notice + ".title"),
                context.text(notice, push.target().link()));
    }

    private void showHalted(PushRun push, String title, String layerState) {
        titleLabel.setText(context.text(title));
        live.halt(push.snapshot(), layerState);
    }

    private void showProblem(Throwable failure) {
        int retries = run == null ? 0 : run.snapshot().retries();
        controlsController.failed(context.view(Problems.of(failure, ProblemContext.none()
                .withRegistry(session.registry()).withImage(session.target().link()).withRetries(retries))));
    }

    /** The state file's note; the spool's is under the bar ({@link OverallProgress}). */
    private void showNotes(PushSnapshot snapshot) {
        if (snapshot.stateSetAside()) {
            Notes.showOnce(stateNote, context.text(PushSnapshot.STATE_SET_ASIDE));
        }
    }

    @Override
    public boolean cancel() {
        if (!running.get()) {
            return false;
        }
        PushRun asked = run;
        DialogService.Answer answer = StopQuestion.ask(context, layerTable.getScene().getWindow(), asked, running);
        if (answer == DialogService.Answer.PROCEED) {
            asked.cancel();
        } else if (answer == DialogService.Answer.GENTLER) {
            pause();
        }
        return true;
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return succeeded;
    }

    @Override
    public ObservableBooleanValue busy() {
        return running;
    }

    @Override
    public void dispose() {
        live.stop();
        run = null;
    }

    @Override
    public Node initialFocus() {
        return layerTable;
    }
}
