package io.github.harborupload.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.settings.Settings;
import io.github.harborupload.settings.UploadHistory;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.AlertDialogs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The earlier uploads are read from {@code uploads.json} off the FX thread (the project's rule,
 * docs/architecture.md "Threads"): the dialog opens with its placeholder, and the list comes when
 * the background work has run. Here that work waits in a held executor until the test runs it.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryDialogTest {

    private static final String LINK = "harbor.example.edu/user-alice/earlier:v1";

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide));
    }

    @Test
    void theListArrivesFromTheBackgroundAfterTheDialogSaysItIsLoading(FxRobot robot) throws Exception {
        Path appFolder = dir.resolve("app");
        new UploadHistory(appFolder).recordPush("earlier:v1", LINK, "sha256:" + "d".repeat(64), Instant.now());
        Services services = new Services(new Environment(Map.of(AppFolders.OVERRIDE_VARIABLE, appFolder.toString()),
                "Linux", dir.resolve("home")));
        List<Runnable> held = new CopyOnWriteArrayList<>();
        WizardContext context = new WizardContext(services, new UploadSession(), Settings.defaults(),
                new Translator(Language.ENGLISH), url -> { }, held::add, new AlertDialogs());

        Platform.runLater(() -> HistoryDialog.show(context, stage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#historyDialog").tryQuery().isPresent());
        assertEquals(context.text("history.loading"), intro(robot));
        assertEquals(0, rows(robot), "nothing read on the FX thread");
        assertEquals(1, held.size(), "the read waits in the background");

        held.get(0).run();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(robot) == 1);
        assertEquals(context.text("history.intro"), intro(robot));
    }

    private static String intro(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#historyIntro").queryAs(Label.class).getText())
                .get(10, TimeUnit.SECONDS);
    }

    private static int rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#historyRows").queryAs(VBox.class).getChildren().size())
                .get(10, TimeUnit.SECONDS);
    }
}
