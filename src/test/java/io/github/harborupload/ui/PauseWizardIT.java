package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackTest;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pause and Resume on the push step of the real wizard (issue 19), the project's own push, the real stack. */
@ExtendWith(ApplicationExtension.class)
class PauseWizardIT extends StackTest {

    private static final int MIB = 1 << 20;


    @TempDir
    Path dir;
    private WizardFixture wizard;

    private Stage stage;
    private boolean closed;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new WizardFixture(stack, dir, Language.ENGLISH);
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (!closed) {
            robot.interact(() -> wizard.window.shutDown());
        }
    }

    /** Logs in, chooses a fresh image of two 64 MiB layers, and waits until the push has sent some; its link. */
    private String pushUnderWay(WizardRobot robot, String image) {
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(image);
        String link = robot.text("#linkField");
        images.removeLater(link);
        robot.click("#nextButton");
        robot.waitUntil(30, () -> robot.read(() -> wizard.window.shell().current()) == Step.PUSH);
        robot.waitUntil(120, () -> !robot.label("#percentLabel").isEmpty() && !robot.label("#percentLabel").startsWith("0 "));
        return link;
    }

    private String freshImage() throws IOException {
        return images.buildLayers(TestStack.uniqueRepository("local/pause-ui"), Files.createTempDirectory(dir, "image"),
                64 * MIB, 64 * MIB);
    }

    @Test
    void closingTheWindowDuringAPushAsksAndPausesItKeepingItsState(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        pushUnderWay(robot, freshImage());
        PushRun run = robot.read(() -> wizard.window.context().session().push().orElseThrow());
        // As the window manager's close button does; the handler's dialog waits, so not through interact.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.clickDialogButton(wizard.text("close.pause.stop"));
        closed = true;
        robot.waitUntil(60, run::isDone);
        Throwable ended = run.completion().toCompletableFuture().handle((result, failure) -> failure).get();
        assertTrue(ended instanceof PushPausedException || ended.getCause() instanceof PushPausedException, String.valueOf(ended));
        try (Stream<Path> files = Files.walk(wizard.appConfig.resolve("cache"))) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().equals("state.json")),
                    "the state stays for the same push again");
        }
    }

    @Test
    void pauseKeepsThePushAndResumeFinishesIt(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage();
        String link = pushUnderWay(robot, image);
        assertTrue(robot.visible("#pauseButton"), "the own push can pause");
        assertTrue(robot.read(() -> fx.lookup("#pauseButton").queryAs(Button.class).isFocusTraversable()), "reachable by Tab");
        double tableBefore = robot.read(() -> fx.lookup("#layerTable").query().getLayoutBounds().getHeight());
        robot.click("#pauseButton");

        // Issue 19: a pause is the user's own doing: a calm line beside Resume, not the problem pane.
        robot.waitForVisible(60, "#pausedBanner");
        assertFalse(robot.visible("#pushProblem"), "a pause is not shown as a problem");
        // The banner's "75 %" keeps its number and sign together (a no-break space); the bar's label is the same figure.
        String banner = robot.label("#pausedBanner").replace('\u00a0', ' ');
        assertTrue(banner.contains(robot.label("#percentLabel") + " uploaded"), banner + " / " + robot.label("#percentLabel"));
        assertFalse(robot.visible("#pauseButton"));
        assertEquals(wizard.text("push.resume"), robot.read(() -> fx.lookup("#retryButton").queryAs(Button.class).getText()));
        assertTrue(robot.read(() -> fx.lookup("#retryButton").query().isFocused()), "Enter resumes");
        double tableAfter = robot.read(() -> fx.lookup("#layerTable").query().getLayoutBounds().getHeight());
        // The banner shares the buttons' row: the table keeps its height (a problem pane left it one row).
        assertTrue(tableAfter >= tableBefore - 16, "the layer table went from " + tableBefore + " to " + tableAfter);

        robot.click("#retryButton");
        robot.waitForVisible(180, "#resultBox");
        // The pushed image as a pull sees it: config digest = image ID, each layer gunzips to its diff_id.
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            ImageDetails details = engine.inspect(image);
            String repository = link.substring(link.indexOf('/') + 1, link.lastIndexOf(':'));
            PulledImage.verify(stack.registry(), repository, link.substring(link.lastIndexOf(':') + 1),
                    new Credential(stack.user(), stack.password()), details.id(), details.diffIds());
        }
    }
}
