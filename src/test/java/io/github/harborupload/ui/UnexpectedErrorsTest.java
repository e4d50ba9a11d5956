package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.testsupport.CapturedOutput;
import io.github.harborupload.testsupport.SecretSearch;
import io.github.harborupload.testsupport.SecretSearch.Hit;
import io.github.harborupload.ui.common.UnexpectedErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's last net, hit by an error whose message quotes a request with a password in every
 * shape: the dialog it shows and the log it writes name the error and where it happened, never
 * the secret.
 */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorsTest {

    private static final String SECRET = "SentinelCrash_012345";

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void aCrashShowsAndLogsNoSecret(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Translator english = new Translator(Language.ENGLISH);
        ResourceBundle texts = english.bundle(WizardContext.BUNDLE);
        try (CapturedOutput output = CapturedOutput.start()) {
            UnexpectedErrors.install(() -> english, () -> texts);
            Thread crashing = new Thread(() -> {
                throw new IllegalStateException(SecretSearch.aMessageQuotingARequest(SECRET));
            }, "crashing-thread");
            crashing.start();
            crashing.join();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            String shown = WaitForAsyncUtils.asyncFx(() -> SceneText.of()).get(10, TimeUnit.SECONDS);
            String logged = output.text();

            assertTrue(logged.contains("java.lang.IllegalStateException") && logged.contains("crashing-thread"), logged);
            assertTrue(shown.contains("request failed: Authorization: Basic ***"), "the detail is in the dialog: " + shown);
            List<Hit> hits = new ArrayList<>(new SecretSearch(List.of(SECRET)).in("the log", logged));
            hits.addAll(new SecretSearch(List.of(SECRET)).in("the dialog", shown));
            assertEquals(List.of(), hits);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                    .filter(window -> window.getScene() != null && window.getScene().getRoot() instanceof DialogPane)
                    .forEach(Window::hide));
        }
    }
}
