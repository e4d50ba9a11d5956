package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.Services;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackTest;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first step's offer to resume a paused push (issue 19: "the next start offers 'Resume the
 * upload of X (62 %)' on the first step, with Discard beside it"), against the real stack: the
 * push is paused by the flow as an earlier window would have, then a new wizard opens.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeOfferWizardIT extends StackTest {

    private static final int MIB = 1 << 20;


    @TempDir
    Path dir;
    private WizardFixture wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new WizardFixture(stack, dir, Language.ENGLISH);
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (wizard.window != null) {
            robot.interact(() -> wizard.window.shutDown());
        }
    }

    /** A push of a fresh image paused after its first confirmed bytes, as the wizard or the CLI leaves it. */
    private PushRun pausedPush(HarborTarget target, String image) throws Exception {
        try (Services services = new Services(wizard.environment())) {
            ImageChoice choice = new TagStep(services).findImage(image);
            PushRun run = new PushStep(services).start(target, new Credential(stack.user(), stack.password()), choice,
                    PushMethod.REGISTRY);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.snapshot().bytesDone() > 0 || run.isDone());
            assertFalse(run.isDone(), () -> "still running once the first chunk is confirmed: "
                    + run.completion().toCompletableFuture().handle((result, failure) -> failure).join());
            run.pause();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, run::isDone);
            return run;
        }
    }

    private HarborTarget target(String name) {
        return new HarborTarget(stack.registry(), "user-" + stack.user(), TestStack.uniqueRepository(name), "1");
    }

    private String freshImage() throws IOException {
        return images.buildLayers(TestStack.uniqueRepository("local/resume-offer"), Files.createTempDirectory(dir, "image"),
                64 * MIB, 64 * MIB);
    }

    private List<Path> kept() throws IOException {
        Path spool = wizard.appConfig.resolve("cache").resolve("spool");
        try (Stream<Path> folders = Files.list(spool)) {
            return folders.toList();
        }
    }

    @Test
    void theOfferSaysHowFarThePushGotAndResumeFinishesItWithTheSavedLogin(FxRobot fx) throws Exception {
        String image = freshImage();
        HarborTarget target = target("resume/offer");
        images.removeLater(target.link());
        PushRun paused = pausedPush(target, image);
        long percent = Math.round(paused.snapshot().fraction() * 100);
        // A login Docker keeps for the registry: Resume goes straight to the push step.
        try (Services services = new Services(wizard.environment())) {
            services.credentials().store(stack.registry(), new Credential(stack.user(), stack.password()));
        }
        WizardRobot robot = new WizardRobot(fx);
        fx.interact(() -> wizard.open(stage));

        robot.waitForVisible(60, "#resumeOffer");
        String offer = robot.label("#resumeOffer .resume-offer-text");
        assertTrue(offer.contains(target.link()) && offer.contains("(" + percent + "\u00a0%"), offer);
        assertTrue(robot.read(() -> fx.lookup("#resumeButton").query().isFocusTraversable()), "reachable by Tab");

        robot.click("#resumeButton");
        robot.waitUntil(60, () -> wizard.window.shell().current() == Step.PUSH);
        assertEquals(target.link(), robot.label("#targetLabel"));
        robot.waitForVisible(180, "#resultBox");
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            ImageDetails details = engine.inspect(image);
            PulledImage.verify(stack.registry(), target.project() + "/" + target.repository(), target.tag(),
                    new Credential(stack.user(), stack.password()), details.id(), details.diffIds());
        }
        assertEquals(List.of(), kept(), "the resumed push succeeded, so nothing is kept");
    }

    @Test
    void withoutASavedLoginResumeGoesThroughTheLoginWithTheTargetKept(FxRobot fx) throws Exception {
        String image = freshImage();
        HarborTarget target = target("resume/login");
        pausedPush(target, image);
        images.removeLater(target.link());
        WizardRobot robot = new WizardRobot(fx);
        fx.interact(() -> wizard.open(stage));
        robot.waitForVisible(60, "#resumeButton");

        robot.click("#resumeButton");
        robot.waitForVisible(30, "#resumeLogin");
        assertEquals(Step.CREDENTIALS, robot.read(() -> wizard.window.shell().current()));
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.waitUntil(30, () -> wizard.window.shell().current() == Step.TAG);
        assertEquals(target.link(), robot.text("#linkField"), "the kept target, not a new proposal");
        robot.waitUntil(30, () -> !robot.read(() -> fx.lookup("#nextButton").query().isDisabled()));
        robot.click("#nextButton");
        robot.waitForVisible(180, "#resultBox");
        assertEquals(List.of(), kept(), "the same push went on and succeeded");
    }

    @Test
    void discardAsksThenRemovesTheStateAndItsSpool(FxRobot fx) throws Exception {
        pausedPush(target("resume/discard"), freshImage());
        assertEquals(1, kept().size());
        WizardRobot robot = new WizardRobot(fx);
        fx.interact(() -> wizard.open(stage));
        robot.waitForVisible(60, "#resumeOffer");

        robot.click("#discardButton");
        robot.clickDialogButton(wizard.text("button.cancel"));
        assertEquals(1, kept().size(), "Cancel keeps it");
        robot.click("#discardButton");
        robot.clickDialogButton(wizard.text("credentials.resume.discard"));

        robot.waitUntil(30, () -> !robot.visible("#resumeOffer"));
        assertEquals(List.of(), kept());
    }
}
