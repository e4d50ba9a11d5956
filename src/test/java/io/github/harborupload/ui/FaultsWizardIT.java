package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.FaultProxy;
import io.github.harborupload.testsupport.FaultProxy.Answer;
import io.github.harborupload.testsupport.StackControl;
import io.github.harborupload.testsupport.StackControl.Component;
import io.github.harborupload.testsupport.StackTest;
import io.github.harborupload.testsupport.TestStack;
import io.github.harborupload.testsupport.TrustedCertificate;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.common.ProblemView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real wizard against faults made for real (the same ones {@code FaultsCliIT} makes for the
 * command line): each is named with its advice, the wizard stays usable (Back works, nothing typed
 * is lost), Retry works once the fault is gone, and layers the registry got before the fault show
 * as already there on the retry.
 */
@ExtendWith(ApplicationExtension.class)
class FaultsWizardIT extends StackTest {

    private static final int KIB = 1 << 10;
    private static final int MIB = 1 << 20;
    /** Big layers take seconds to upload, time enough to crash something in the middle. */
    private static final int MID_PUSH_MIB = 48;
    /** Big enough that the small layer is in the registry before a big one's upload ends and is refused. */
    private static final int REFUSED_MIB = 16;
    private static final long SMALL_BLOB = 1 << 20;
    private static final String PROBLEMS_BUNDLE = "io.github.harborupload.problems.messages";
    /** dockerd gives up on a layer after retrying it 4 times, 50 seconds in all, then the push ends. */
    private static final long GIVE_UP_SECONDS = 120;

    private static StackControl control;

    @TempDir
    Path dir;
    private WizardFixture wizard;
    private FaultProxy proxy;

    @BeforeAll
    static void controlTheStack() {
        control = new StackControl(stack);
    }

    @Start
    void start(Stage stage) throws IOException {
        proxy = FaultProxy.start(stack.registry());
        // These faults are docker's push meeting a broken registry (its retries, its "Layer already
        // exists" after a retry), so the wizard is set to Docker's push, as a user may choose it;
        // the project's own push meets the same faults in pusher/GatewayPushIT.
        wizard = new WizardFixture(stack, dir, Language.ENGLISH).viaEngine();
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        robot.interact(() -> wizard.window.shutDown());
        proxy.close();
    }

    @Test
    void theDockerDaemonKilledDuringAPush(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(MID_PUSH_MIB);
        logIn(robot, stack.registry());
        Map<String, String> before;
        try {
            startPush(robot, image);
            robot.waitUntil(60, () -> robot.layerStates().containsValue(wizard.layerState("pushed")));
            control.kill(Component.DOCKERD);
            robot.waitForVisible(60, "#pushProblem");
            assertProblem(robot, "#pushProblem", ProblemType.ENGINE_UNREACHABLE, stack.registry());
            assertUsable(robot);
            before = robot.layerStates();
        } finally {
            control.startAll();
        }
        retryAndFinish(robot, before);
    }

    @Test
    void theRegistryKilledDuringAPush(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(MID_PUSH_MIB);
        logIn(robot, stack.registry());
        AtomicBoolean namedRetrying = new AtomicBoolean();
        Map<String, String> before;
        try {
            startPush(robot, image);
            robot.waitUntil(60, () -> robot.layerStates().containsValue(wizard.layerState("pushed")));
            control.kill(Component.REGISTRY);
            robot.waitUntil(GIVE_UP_SECONDS, () -> {
                namedRetrying.compareAndSet(false, hasProblem(robot, "#pushSignal", ProblemType.RETRYING_FOREVER));
                return robot.visible("#pushProblem");
            });
            before = robot.layerStates();
        } finally {
            control.startAll();
        }
        assertTrue(namedRetrying.get(), "while the engine retried, the push was named as retrying");
        assertProblem(robot, "#pushProblem", ProblemType.REGISTRY_UNREACHABLE, stack.registry());
        assertTrue(problem(robot, "#pushProblem").detail().contains("connection refused"));
        assertUsable(robot);
        retryAndFinish(robot, before);
    }

    @Test
    void aRegistryAnswering503IsNamedAsRetryingAndThePushFinishesWhenItRecovers(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(REFUSED_MIB);
        logIn(robot, proxy.address());
        proxy.refuseBlobsOver(SMALL_BLOB, repository -> Answer.serviceUnavailable());
        startPush(robot, image);
        robot.waitUntil(GIVE_UP_SECONDS, () -> robot.visible("#pushSignal"));
        assertProblem(robot, "#pushSignal", ProblemType.RETRYING_FOREVER, proxy.address());
        proxy.pass();
        robot.waitForVisible(GIVE_UP_SECONDS, "#resultBox");
        assertFalse(robot.visible("#pushSignal"), "the warning goes once the push is over");
        assertTrue(proxy.refusals() >= 3, "the engine retried: " + proxy.refusals());
    }

    @Test
    void aStalledRegistryIsNamedAndACancelledPushResumesOnRetry(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(MID_PUSH_MIB);
        logIn(robot, proxy.address());
        Map<String, String> before;
        try {
            startPush(robot, image);
            robot.waitUntil(60, () -> robot.layerStates().containsValue(wizard.layerState("pushed")));
            proxy.stall();
            // The stall time is the real one, 30 seconds without a byte or a change.
            robot.waitUntil(90, () -> robot.visible("#pushSignal"));
            assertProblem(robot, "#pushSignal", ProblemType.STALLED, proxy.address());
            robot.click("#cancelButton");
            // Docker's push cannot pause: Stop is the only way on, and what it costs is docker's (issue 15, item 9).
            robot.clickDialogButton(wizard.text("push.cancel.stop"));
            robot.waitForVisible(30, "#stoppedNote");
            assertEquals(wizard.text("push.stopped.engine"), robot.label("#stoppedNote"));
            assertFalse(robot.visible("#pushProblem"), "a cancel by the user is not an error");
            assertUsable(robot);
            before = robot.layerStates();
        } finally {
            proxy.pass();
        }
        retryAndFinish(robot, before);
    }

    @Test
    void harborsQuotaMessageIsNamedWithItsNumbers(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(REFUSED_MIB);
        logIn(robot, proxy.address());
        proxy.refuseBlobsOver(SMALL_BLOB, Answer::harborQuotaExceeded);
        startPush(robot, image);
        robot.waitForVisible(60, "#pushProblem");
        assertProblem(robot, "#pushProblem", ProblemType.QUOTA_EXCEEDED, proxy.address());
        assertTrue(problem(robot, "#pushProblem").causes().get(0).contains("10.0 MiB"), "Harbor's limit is shown");
        assertUsable(robot);
        Map<String, String> before = robot.layerStates();

        proxy.pass();
        // The engine's export orders layers by its own IDs: when the 4 KiB layer comes after a refused
        // one, the push stops before it is in, and there is nothing that must not be sent again.
        retryAndFinish(robot, before, false);
    }

    @Test
    void harborsUnauthorizedToAccessRepositoryNamesTheRepository(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String image = freshImage(1);
        logIn(robot, proxy.address());
        proxy.refuseWrites(Answer::harborUnauthorized);
        startPush(robot, image);
        robot.waitForVisible(60, "#pushProblem");
        assertProblem(robot, "#pushProblem", ProblemType.NO_PERMISSION, proxy.address());
        String repository = "user-" + stack.user() + "/" + robot.read(() -> wizard.window.context().session().repository());
        assertEquals(wizard.translator().text(PROBLEMS_BUNDLE, "fact.repository", repository, "push"),
                problem(robot, "#pushProblem").causes().get(0));
        assertUsable(robot);

        proxy.pass();
        robot.click("#retryButton");
        robot.waitForVisible(120, "#resultBox");
    }

    @Test
    void aHarborAddressThatDoesNotResolveIsNotFoundAndBackKeepsTheForm(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        String dialog = WizardFixture.credentialDialog("harbor.invalid", stack.user(), stack.password());
        robot.paste(dialog);
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginProblem");
        assertProblem(robot, "#loginProblem", ProblemType.REGISTRY_NOT_FOUND, "harbor.invalid");
        assertTrue(robot.visible("#retryButton"));

        robot.click("#backButton");
        assertEquals(stack.user(), robot.text("#usernameField"));
        assertEquals(stack.password(), robot.text("#passwordField"));
        robot.replaceText("#registryField", stack.registry());
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
    }

    @Test
    void aHarborThatRefusesConnectionsIsUnreachableAndRetryWorksOnceItIsBack(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        try {
            control.kill(Component.REGISTRY);
            robot.click("#nextButton");
            robot.waitForVisible(30, "#loginProblem");
        } finally {
            control.startAll();
        }
        assertProblem(robot, "#loginProblem", ProblemType.REGISTRY_UNREACHABLE, stack.registry());
        robot.click("#retryButton");
        robot.waitForVisible(30, "#loginSucceeded");
    }

    @Test
    void aSelfSignedCertificateAsksForTheCaInCertsDAndRetryWorksOnceItIsThere(FxRobot fx) throws Exception {
        stack.requireTlsRegistry();
        WizardRobot robot = new WizardRobot(fx);
        robot.paste(WizardFixture.credentialDialog(stack.tlsRegistry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginProblem");
        assertProblem(robot, "#loginProblem", ProblemType.TLS_CERTIFICATE, stack.tlsRegistry());
        assertTrue(problem(robot, "#loginProblem").advice().get(0).contains("/etc/docker/certs.d/" + stack.tlsRegistry() + "/ca.crt"));

        String image = freshImage(1);
        try (TrustedCertificate trusted = TrustedCertificate.install(stack.tlsRegistry(), stack.tlsCa())) {
            robot.click("#retryButton");
            robot.waitForVisible(30, "#loginSucceeded");
            robot.click("#nextButton");
            robot.chooseImage(image);
            images.removeLater(robot.text("#linkField"));
            robot.click("#nextButton");
            robot.waitForVisible(120, "#resultBox");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A small layer, in the registry within a second, and two big ones. */
    private String freshImage(int bigMib) throws IOException {
        Path work = Files.createTempDirectory(dir, "image");
        return images.buildLayers(TestStack.uniqueRepository("local/fault-ui"), work, 4 * KIB, bigMib * MIB, bigMib * MIB);
    }

    private void logIn(WizardRobot robot, String registry) {
        robot.paste(WizardFixture.credentialDialog(registry, stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
    }

    private void startPush(WizardRobot robot, String image) {
        robot.chooseImage(image);
        images.removeLater(robot.text("#linkField"));
        robot.click("#nextButton");
        robot.waitUntil(30, () -> robot.read(() -> wizard.window.shell().current()) == Step.PUSH);
    }

    /** Retry, to the end; the layers that were in before are not sent again. */
    private void retryAndFinish(WizardRobot robot, Map<String, String> before) {
        retryAndFinish(robot, before, true);
    }

    private void retryAndFinish(WizardRobot robot, Map<String, String> before, boolean aLayerWasIn) {
        List<String> pushedBefore = before.entrySet().stream()
                .filter(layer -> layer.getValue().equals(wizard.layerState("pushed"))).map(Map.Entry::getKey).toList();
        assertTrue(!aLayerWasIn || !pushedBefore.isEmpty(), "a layer was in before the fault: " + before);
        assertTrue(pushedBefore.size() < before.size(), "the fault came mid-push: " + before);
        robot.click("#retryButton");
        robot.waitForVisible(GIVE_UP_SECONDS, "#resultBox");
        Map<String, String> after = robot.layerStates();
        for (String layer : pushedBefore) {
            assertEquals(wizard.layerState("already_exists"), after.get(layer), layer + " was not sent again: " + after);
        }
        assertFalse(robot.disabled("#nextButton"), "on to the import");
    }

    /** Back works and nothing typed is lost: the way out of any fault. */
    private void assertUsable(WizardRobot robot) {
        assertTrue(robot.visible("#retryButton"));
        assertFalse(robot.disabled("#backButton"), "Back works");
        assertTrue(robot.disabled("#nextButton"), "nothing to go on with");
    }

    private ProblemView problem(WizardRobot robot, String pane) {
        return robot.read(() -> robot.fx().lookup(pane).queryAs(ProblemPane.class).problemProperty().get());
    }

    private boolean hasProblem(WizardRobot robot, String pane, ProblemType type) {
        ProblemView shown = problem(robot, pane);
        return shown != null && shown.title().equals(wizard.translator().text(type.title()));
    }

    /** The pane shows this type, with all of its advice for this registry, in the user's language. */
    private void assertProblem(WizardRobot robot, String pane, ProblemType type, String registry) {
        ProblemView shown = problem(robot, pane);
        assertTrue(shown != null, pane + " shows a problem");
        assertEquals(wizard.translator().text(type.title()), shown.title(), shown.detail());
        for (int n = 1; n <= type.actionCount(); n++) {
            String action = wizard.translator().text(PROBLEMS_BUNDLE, type.key() + ".action." + n, registry);
            assertTrue(shown.advice().contains(action), "advice " + n + " of " + type + ": " + shown.advice());
        }
        assertFalse(shown.detail().contains("\tat "), "no stack trace: " + shown.detail());
    }
}
