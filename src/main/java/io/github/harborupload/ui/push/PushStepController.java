package io.github.harborupload.ui.push;

import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.PushSummary;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Step 4: the push, live. The engine's events go into the progress model on the engine's thread;
 * this view reads a snapshot 20 times a second, so a push of any size costs the UI the same.
 */
public final class PushStepController implements StepController {

    /** 20 refreshes a second: smooth to the eye, and never more work for the UI thread than that. */
    static final Duration REFRESH = Duration.millis(50);

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
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final Map<String, LayerRow> rowsById = new HashMap<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty succeeded = new SimpleBooleanProperty(false);
    private final Timeline refresher = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
    private ProblemPane problemPane;
    private ProblemPane signalPane;
    private LocalNameOffer localNameOffer;
    private PushRun run;
    private PushAttention attention;

    public PushStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.pushStep();
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("pushProblem");
        problemBox.getChildren().add(problemPane);
        signalPane = new ProblemPane(context.texts());
        signalPane.setId("pushSignal");
        signalBox.getChildren().add(signalPane);
        digestBox.getChildren().add(new CopyButton(context.texts(), digestField::getText));
        localNameOffer = new LocalNameOffer(context);
        resultBox.getChildren().add(localNameOffer);
        idColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().id()));
        stateColumn.setCellValueFactory(row -> row.getValue().stateProperty());
        bytesColumn.setCellValueFactory(row -> row.getValue().bytesProperty());
        barColumn.setCellValueFactory(row -> row.getValue().fractionProperty().asObject());
        barColumn.setCellFactory(ProgressBarTableCell.forTableColumn());
        layerTable.setItems(rows);
        layerTable.setPlaceholder(new Label(context.text("push.preparing")));
        attention = PushAttention.of(context, layerTable);
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
            pauseButton.setDisable(true);
            pauseButton.setText(context.text("push.pausing"));
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
        pauseButton.setVisible(!push.isDone() && push.canPause());
        refresh();
        refresher.play();
        push.completion().whenComplete((result, failure) -> Platform.runLater(() -> finished(push, result, failure)));
    }

    private void clear() {
        refresher.stop();
        rows.clear();
        rowsById.clear();
        problemPane.clear();
        signalPane.clear();
        resultBox.setVisible(false);
        gatewayNote.setVisible(false);
        stateNote.setVisible(false);
        pausedBanner.setVisible(false);
        stoppedNote.setVisible(false);
        localNameOffer.clear();
        spoolNote.setVisible(false);
        retryButton.setVisible(false);
        retryButton.setText(context.text("button.retry"));
        pauseButton.setVisible(false);
        pauseButton.setDisable(false);
        pauseButton.setText(context.text("push.pause"));
        succeeded.set(false);
        overallBar.setProgress(0);
        overallLabel.setText(context.text("push.preparing"));
        titleLabel.setText(context.text("push.title"));
        percentLabel.setText("");
    }

    private void finished(PushRun push, PushResult result, Throwable failure) {
        if (push != run) {
            return;
        }
        refresher.stop();
        refresh();
        running.set(false);
        pauseButton.setVisible(false);
        signalPane.clear();
        if (failure == null) {
            PushSnapshot last = push.snapshot();
            long seconds = Math.max(1, push.elapsed().toSeconds());
            titleLabel.setText(context.text("push.title.done"));
            digestField.setText(result.digest());
            sizeLabel.setText(PushSummary.of(last).nothingToUpload()
                    ? context.text("push.summary.nothing", last.layers().size())
                    : context.text("push.summary.value", Sizes.bytes(last.bytesDone()), last.layers().size(),
                            context.text(Times.duration(seconds)), Sizes.speed(last.bytesDone() / seconds)));
            resultBox.setVisible(true);
            succeeded.set(true);
            showGatewayNote(last);
            session.image().ifPresent(image -> localNameOffer.offer(image, push.target()));
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof PushPausedException) {
                showPaused(push.snapshot());
            } else if (cause instanceof PushCancelledException) {
                showStopped(push);
            } else {
                showProblem(cause);
            }
        }
        String notice = failure == null ? "push.notice.done"
                : failure instanceof PushPausedException || failure.getCause() instanceof PushPausedException
                        ? "push.notice.paused"
                        : failure instanceof PushCancelledException || failure.getCause() instanceof PushCancelledException
                                ? "push.notice.stopped" : "push.notice.failed";
        attention.ended(context.text(failure == null ? "push.title.done" : notice + ".title"),
                context.text(notice, push.target().link()));
    }

    /**
     * Nothing moves while paused: no speed, no time left, and the layers still to send say so. A
     * pause is the user's own doing, not a problem: one calm line beside Resume says what it means.
     */
    private void showPaused(PushSnapshot last) {
        showHalted(last, "push.title.paused", "push.layer.paused");
        pausedBanner.setText(context.text("push.paused.banner", Math.round(last.fraction() * 100)));
        pausedBanner.setVisible(true);
        retryButton.setText(context.text("push.resume"));
        retryButton.setVisible(true);
        retryButton.requestFocus();
    }

    /**
     * The user stopped the push: nothing failed, so no problem pane, only what starting again does
     * with this pusher (issue 15, item 9: ours drops its spool, docker's push resends unfinished
     * layers whole; both skip the layers Harbor has).
     */
    private void showStopped(PushRun push) {
        showHalted(push.snapshot(), "push.title.stopped", "push.layer.stopped");
        stoppedNote.setText(context.text(push.canPause() ? "push.stopped.own" : "push.stopped.engine"));
        stoppedNote.setVisible(true);
        retryButton.setText(context.text("push.start.again"));
        retryButton.setVisible(true);
        retryButton.requestFocus();
    }

    /** The push no longer moves: no speed, no time left, and each layer still to send says {@code layerState}. */
    private void showHalted(PushSnapshot last, String title, String layerState) {
        titleLabel.setText(context.text(title));
        overallLabel.setText(ProgressLine.bytes(last, context.translator()));
        for (LayerSnapshot layer : last.layers()) {
            LayerRow row = rowsById.get(layer.id());
            if (row != null && !layer.state().isDone()) {
                row.update(context.text(layerState), ProgressLine.layerBytes(layer), layer.fraction());
            }
        }
    }

    /**
     * Not a failure: one line in the result for the administrator's fix, when a gateway gave up on
     * layers' commits that were then found stored (a whole problem pane would crowd the result out
     * of a small window).
     */
    private void showGatewayNote(PushSnapshot last) {
        if (last.storedAfterGatewayTimeout().isEmpty()) {
            return;
        }
        Problem note = Problems.ofLayersStoredAfterGatewayTimeout(last.storedAfterGatewayTimeout(),
                ProblemContext.none().withRegistry(session.registry()));
        gatewayNote.setText(context.text(note.title()) + ". " + context.text(note.actions().get(0)));
        gatewayNote.setVisible(true);
    }

    private void showProblem(Throwable failure) {
        int retries = run == null ? 0 : run.snapshot().retries();
        problemPane.show(context.view(Problems.of(failure, ProblemContext.none()
                .withRegistry(session.registry()).withImage(session.target().link()).withRetries(retries))));
        retryButton.setVisible(true);
    }

    /** Copies the model's latest snapshot into the view. */
    private void refresh() {
        if (run == null) {
            return;
        }
        PushSnapshot snapshot = run.snapshot();
        for (LayerSnapshot layer : snapshot.layers()) {
            LayerRow row = rowsById.computeIfAbsent(layer.id(), id -> {
                LayerRow created = new LayerRow(id);
                rows.add(created);
                return created;
            });
            row.update(context.text(layer.stateText()), ProgressLine.layerBytes(layer), layer.fraction());
        }
        overallBar.setProgress(snapshot.fraction());
        percentLabel.setText(Math.round(snapshot.fraction() * 100) + " %");
        overallLabel.setText(ProgressLine.overall(snapshot, context.translator()));
        if (snapshot.stateSetAside() && !stateNote.isVisible()) {
            stateNote.setText(context.text(PushSnapshot.STATE_SET_ASIDE));
            stateNote.setVisible(true);
        }
        if (snapshot.spoolSkipped() && !spoolNote.isVisible()) {
            spoolNote.setText(context.text(PushSnapshot.SPOOL_SKIPPED));
            spoolNote.setVisible(true);
        }
        if (!snapshot.isFinished()) {
            attention.progress(snapshot.fraction());
            Problems.ofSignals(snapshot, ProblemContext.none().withRegistry(session.registry()))
                    .ifPresentOrElse(signal -> signalPane.show(context.view(signal)), signalPane::clear);
        }
    }

    @Override
    public boolean cancel() {
        if (!running.get()) {
            return false;
        }
        // The dialog says what is true for the pusher in use, offers Pause where it can, and closes
        // by itself when the push ends meanwhile (issue 15, item 9: it stayed, and Stop did nothing).
        PushRun asked = run;
        boolean own = asked.canPause();
        DialogService.Answer answer = context.dialogs().choose(layerTable.getScene().getWindow(), new DialogService.Choice(
                new DialogService.Question(Alert.AlertType.CONFIRMATION, context.text("push.cancel.title"),
                        context.text(own ? "push.cancel.text.own" : "push.cancel.text.engine"),
                        context.text("push.cancel.keep"), context.text("push.cancel.stop")),
                own ? Optional.of(context.text("push.cancel.pause")) : Optional.empty(), running));
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
        refresher.stop();
        run = null;
    }

    @Override
    public Node initialFocus() {
        return layerTable;
    }
}
