package io.github.harborupload.ui.push;

import io.github.harborupload.flow.PushRun;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The push step while a push runs. The engine's events go into the progress model on the engine's
 * thread; this reads a snapshot 20 times a second into the overall line, the layer table, the
 * warning that the push is retrying or stuck, and the window's title, so a push of any size costs
 * the UI the same.
 */
final class LiveProgress {

    /** 20 refreshes a second: smooth to the eye, and never more work for the UI thread than that. */
    static final Duration REFRESH = Duration.millis(50);

    private final WizardContext context;
    private final OverallProgress overall;
    private final LayerTable layers;
    private final ProblemPane signalPane;
    private final PushAttention attention;
    /** The step's own one-line notes, given each snapshot. */
    private final Consumer<PushSnapshot> notes;
    private final Timeline refresher = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
    private PushRun run;

    LiveProgress(WizardContext context, OverallProgress overall, LayerTable layers, ProblemPane signalPane,
                 PushAttention attention, Consumer<PushSnapshot> notes) {
        this.context = context;
        this.overall = overall;
        this.layers = layers;
        this.signalPane = signalPane;
        this.attention = attention;
        this.notes = notes;
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    void follow(PushRun push) {
        run = push;
        refresh();
        refresher.play();
    }

    /** The push ended: its last snapshot, and no warning about a push that no longer runs. */
    void last() {
        refresher.stop();
        refresh();
        signalPane.clear();
    }

    /** The push no longer moves: no speed, no time left, and each layer still to send says {@code layerState}. */
    void halt(PushSnapshot last, String layerState) {
        overall.halt(last);
        layers.halt(last, layerState);
    }

    void clear() {
        refresher.stop();
        overall.clear();
        layers.clear();
        signalPane.clear();
    }

    /** The view is gone: nothing more to show. */
    void stop() {
        refresher.stop();
        run = null;
    }

    /** Copies the model's latest snapshot into the view. */
    private void refresh() {
        if (run == null) {
            return;
        }
        PushSnapshot snapshot = run.snapshot();
        layers.show(snapshot);
        overall.show(snapshot);
        notes.accept(snapshot);
        if (!snapshot.isFinished()) {
            attention.progress(snapshot.fraction());
            Problems.ofSignals(snapshot, ProblemContext.none().withRegistry(context.session().registry()))
                    .ifPresentOrElse(signal -> signalPane.show(context.view(signal)), signalPane::clear);
        }
    }
}
