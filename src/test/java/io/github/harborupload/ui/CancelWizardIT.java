package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.testsupport.FaultProxy;
import io.github.harborupload.testsupport.StackTest;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Stop during the project's own push, in the real wizard against the real registry (issue 15,
 * item 9, as a new user met it: the heading kept "Uploading", a layer kept "Uploading", the cancel
 * was a red problem, Retry sent everything again, and the Stop dialog outlived the push). A
 * {@link FaultProxy} in front of the registry stalls the push after its first layer, so the Stop
 * comes mid-push however fast the machine is.
 */
@ExtendWith(ApplicationExtension.class)
class CancelWizardIT extends StackTest {

    private static final int KIB = 1 << 10;
    private static final int MIB = 1 << 20;


    @TempDir
    Path dir;
    private WizardFixture wizard;
    private FaultProxy proxy;

    @Start
    void start(Stage stage) throws IOException {
        proxy = FaultProxy.start(stack.registry());
        wizard = new WizardFixture(stack, dir, Language.ENGLISH);
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        robot.interact(() -> wizard.window.shutDown());
        proxy.close();
    }

    @Test
    void stopIsCalmSaysWhatStartingAgainDoesAndStartingAgainSkipsWhatHarborHas(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        Map<String, String> before;
        List<String> storedBeforeTheStop;
        try {
            stallAfterTheFirstLayer(robot);
            robot.click("#cancelButton");
            // Ours can pause, which keeps what was sent: the dialog offers it beside Stop and says
            // what Stop costs with this pusher (pusher.PushJob.cancel removes the spool).
            robot.clickDialogButton(wizard.text("push.cancel.stop"));
            assertTrue(dialogShown(fx).isEmpty(), "the question is answered");
            robot.waitForVisible(30, "#stoppedNote");
            storedBeforeTheStop = proxy.storedBlobs();
        } finally {
            proxy.pass();
        }
        assertEquals(wizard.text("push.title.stopped"), robot.label(".step-title"));
        assertEquals(wizard.text("push.stopped.own"), robot.label("#stoppedNote"));
        assertFalse(robot.visible("#pushProblem"), "a cancel by the user is not an error");
        assertTrue(robot.disabled("#nextButton"), "nothing was pushed");
        PushRun run = robot.read(() -> wizard.window.context().session().push().orElseThrow());
        assertEquals(ProgressLine.bytes(run.snapshot(), wizard.translator()), robot.label("#overallLabel"),
                "no speed and no time left once stopped");
        before = robot.layerStates();
        Set<String> halted = Set.of(wizard.layerState("pushed"), wizard.layerState("already_exists"), wizard.text("push.layer.stopped"));
        assertTrue(halted.containsAll(before.values()), "no layer still says it is moving: " + before);
        assertEquals(wizard.text("push.start.again"), robot.read(() -> fx.lookup("#retryButton").queryAs(Button.class).getText()));
        assertTrue(robot.read(() -> fx.lookup("#retryButton").queryAs(Button.class).isFocused()));
        assertFalse(robot.disabled("#backButton"), "Back works");

        robot.click("#retryButton");
        robot.waitForVisible(180, "#resultBox");
        Map<String, String> after = robot.layerStates();
        before.forEach((layer, was) -> {
            if (was.equals(wizard.layerState("pushed"))) {
                assertEquals(wizard.layerState("already_exists"), after.get(layer), layer + " was not sent again: " + after);
            }
        });
        // Through the proxy: no blob committed before the Stop was stored again (they were recorded
        // as they committed, pusher.PushJob.recordWhenCommitted, and only checked again). A commit
        // the proxy held during the stall reaches the registry after the Stop, when the stopped push
        // no longer hears of it; a new push cannot know that blob's digest before compressing the
        // layer again, so it may send it once more, as docker's push would: not asserted here.
        assertFalse(storedBeforeTheStop.isEmpty(), "the first layer was committed before the Stop");
        Map<String, Long> stored = proxy.storedBlobs().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        storedBeforeTheStop.forEach(digest -> assertEquals(1, stored.get(digest), digest + " stored " + stored.get(digest) + " times"));
    }

    @Test
    void theStopQuestionOffersPauseAndGoesAwayWhenThePushEndsMeanwhile(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        try {
            stallAfterTheFirstLayer(robot);
            robot.click("#cancelButton");
            robot.waitUntil(30, () -> dialogShown(fx).isPresent());
            DialogPane dialog = dialogShown(fx).orElseThrow();
            assertEquals(wizard.text("push.cancel.text.own"), robot.read(dialog::getContentText));
            List<String> buttons = robot.read(() -> dialog.getButtonTypes().stream().map(type -> type.getText()).toList());
            assertTrue(buttons.contains(wizard.text("push.cancel.pause")), "Pause, the gentler choice: " + buttons);
        } finally {
            proxy.pass();
        }
        // The push finishes under the open question: the question goes, the result shows.
        robot.waitForVisible(180, "#resultBox");
        robot.waitUntil(30, () -> dialogShown(fx).isEmpty());
        assertFalse(robot.disabled("#nextButton"), "on to the import");
        assertEquals(wizard.text("push.title.done"), robot.label(".step-title"));
    }

    /** Logs in through the proxy, pushes a fresh image of a tiny and two big layers, and stalls once the tiny one is in. */
    private void stallAfterTheFirstLayer(WizardRobot robot) throws IOException {
        // Built before the tag step lists the images.
        String image = images.buildLayers(TestStack.uniqueRepository("local/cancel-ui"),
                Files.createTempDirectory(dir, "image"), 4 * KIB, 48 * MIB, 48 * MIB);
        robot.paste(WizardFixture.credentialDialog(proxy.address(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(image);
        images.removeLater(robot.text("#linkField"));
        robot.click("#nextButton");
        robot.waitUntil(30, () -> robot.read(() -> wizard.window.shell().current()) == Step.PUSH);
        robot.waitUntil(60, () -> robot.layerStates().containsValue(wizard.layerState("pushed")));
        proxy.stall();
    }

    private static Optional<DialogPane> dialogShown(FxRobot fx) {
        return fx.lookup(".dialog-pane").<Node>tryQuery().map(DialogPane.class::cast);
    }
}
