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
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 4: the push, live ({@link LiveProgress}), and how it ended: done, paused, stopped or failed. */
public final class PushStepController implements StepController {

    @FXML
    private Label titleLabel;
    @FXML
    private Label targetLabel;
    @FXML
    private Label overallLabel;
    @FXML
    private Label percentLabel;
    @FXML
    private ProgressBar overallBar;
    @FXML
    private VBox signalBox;
    @FXML
    private TableView<LayerRow> layerTable;
    @FXML
    private TableColumn<LayerRow, String> idColumn;
    @FXML
    private TableColumn<LayerRow, String> stateColumn;
    @FXML
    private TableColumn<LayerRow, Double> barColumn;
    @FXML
    private TableColumn<LayerRow, String> bytesColumn;
    @FXML
    private VBox resultBox;
    @FXML
    private HBox digestBox;
    @FXML
    private TextField digestField;
    @FXML
    private Label sizeLabel;
    @FXML
    private Label gatewayNote;
    /** Under the bar while a layer goes without a spool (the disk is short). */
    @FXML
    private Label spoolNote;
    @FXML
    private Label stateNote;
    @FXML
    private Label stoppedNote;
    @FXML
    private VBox problemBox;
    @FXML
    private Button retryButton;
    @FXML
    private Button pauseButton;
    @FXML
    private Label pausedBanner;

    private final WizardContext context;
    private final UploadSession session;
    private final PushStep step;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty succeeded = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;
    private LiveProgress live;
    private ResultBox result;
    private PushControls controls;
    private PushRun run;
    private PushAttention attention;

    public PushStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.pushStep();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("pushProblem");
        problemBox.getChildren().add(problemPane);
        ProblemPane signalPane = new ProblemPane(context.texts());
        signalPane.setId("pushSignal");
        signalBox.getChildren().add(signalPane);
        attention = PushAttention.of(context, layerTable);
        live = new LiveProgress(context, new OverallProgress(context, overallLabel, percentLabel, overallBar),
                new LayerTable(context, layerTable, idColumn, stateColumn, barColumn, bytesColumn), signalPane, attention,
                this::showNotes);
        result = new ResultBox(context, resultBox, digestBox, digestField, sizeLabel, gatewayNote);
        controls = new PushControls(context, pauseButton, retryButton, pausedBanner, stoppedNote);
    }

    /** A push the session already has (the view was rebuilt, or Back from import) is shown, not repeated. */
    @Override
    public void entered() {
        session.push().ifPresentOrElse(this::attach, this::start);
    }

    @FXML
    private void retry() {
        start();
    }

    /** The chunk in flight finishes, then the push stops keeping what was sent; Resume starts it again. */
    @FXML
    private void pause() {
        if (run != null && !run.isDone()) {
            controls.pausing();
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
        controls.running(push);
        live.follow(push);
        push.completion().whenComplete((pushed, failure) -> Platform.runLater(() -> finished(push, pushed, failure)));
    }

    private void clear() {
        live.clear();
        result.clear();
        controls.clear();
        problemPane.clear();
        stateNote.setVisible(false);
        spoolNote.setVisible(false);
        succeeded.set(false);
        titleLabel.setText(context.text("push.title"));
    }

    private void finished(PushRun push, PushResult pushed, Throwable failure) {
        if (push != run) {
            return;
        }
        live.last();
        running.set(false);
        controls.ended();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String notice;
        if (cause == null) {
            titleLabel.setText(context.text("push.title.done"));
            result.show(push, pushed);
            succeeded.set(true);
            notice = "push.notice.done";
        } else if (cause instanceof PushPausedException) {
            // A pause is the user's own doing, not a problem: one calm line beside Resume says what it means.
            showHalted(push, "push.title.paused", "push.layer.paused");
            controls.paused(push.snapshot().fraction());
            notice = "push.notice.paused";
        } else if (cause instanceof PushCancelledException) {
            // Stopped by the user: nothing failed, so no problem pane.
            showHalted(push, "push.title.stopped", "push.layer.stopped");
            controls.stopped(push);
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
        problemPane.show(context.view(Problems.of(failure, ProblemContext.none()
                .withRegistry(session.registry()).withImage(session.target().link()).withRetries(retries))));
        controls.failed();
    }

    /** One-line notes on the push's own bookkeeping: each shows once what it says became true. */
    private void showNotes(PushSnapshot snapshot) {
        if (snapshot.stateSetAside()) {
            showNote(stateNote, context.text(PushSnapshot.STATE_SET_ASIDE));
        }
        if (snapshot.spoolSkipped()) {
            showNote(spoolNote, context.text(PushSnapshot.SPOOL_SKIPPED));
        }
    }

    private static void showNote(Label note, String text) {
        if (!note.isVisible()) {
            note.setText(text);
            note.setVisible(true);
        }
    }

    @Override
    public boolean cancel() {
        if (!running.get()) {
            return false;
        }
        PushRun asked = run;
        DialogService.Answer answer = context.dialogs().choose(layerTable.getScene().getWindow(),
                StopQuestion.about(context, asked, running));
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
