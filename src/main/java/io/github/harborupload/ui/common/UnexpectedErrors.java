package io.github.harborupload.ui.common;

import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problems;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net: an error no step expected is logged (secrets masked) and shown as a problem in a
 * dialog, so the window never just stops responding and nobody sees a stack trace.
 */
public final class UnexpectedErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    private UnexpectedErrors() {
    }

    public static void install(Supplier<Translator> translator, Supplier<ResourceBundle> texts) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            // Not the throwable itself: its message may quote a request, password and all.
            LOG.error("unexpected error on {}: {}", thread.getName(), Problems.forLog(error));
            Platform.runLater(() -> show(ProblemView.of(Problems.of(error), translator.get()), texts.get()));
        });
    }

    private static void show(ProblemView problem, ResourceBundle texts) {
        ProblemPane pane = new ProblemPane(texts);
        pane.show(problem);
        ButtonType close = new ButtonType(texts.getString("button.close"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.ERROR, "", close));
        alert.setTitle(problem.title());
        alert.setHeaderText(problem.title());
        alert.getDialogPane().setContent(pane);
        alert.show();
    }
}
