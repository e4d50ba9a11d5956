package io.github.harborupload.ui;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the real wizard in a real window (run under Xvfb by {@code scripts/screenshots.sh}) and
 * photographs each step with ImageMagick's {@code import}, as a user would see it. Not a test: the
 * pictures are for people to judge.
 *
 * <p>Arguments: the output folder, and {@code en} or {@code zh}.
 */
public final class ScreenshotTour {

    private static final int MIB = 1 << 20;

    private final FxRobot robot = new FxRobot();
    private final Path out;
    private final String suffix;

    private ScreenshotTour(Path out, String suffix) {
        this.out = out;
        this.suffix = suffix;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Language language = Language.fromCode(args[1]).orElseThrow();
        Files.createDirectories(out);
        TestStack stack = TestStack.require();
        Path work = Files.createTempDirectory("tour");
        try (StackImages images = new StackImages(stack)) {
            // Two images the registry has never seen, so the push really uploads (and takes a while).
            String image = images.buildRandom("research/pytorch-train-" + language.code(), 6, 40 * MIB,
                    Files.createDirectory(work.resolve("image")));
            new ScreenshotTour(out, language.code()).walk(stack, work, language, image);
        } finally {
            FxToolkit.cleanupStages();
            System.exit(0);
        }
    }

    private void walk(TestStack stack, Path work, Language language, String image) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        WizardFixture wizard = new WizardFixture(stack, work.resolve("tour-" + language.code()), language);
        FxToolkit.setupStage(s -> {
            wizard.open(s);
            s.setX(0);
            s.setY(0);
            s.setWidth(980);
            s.setHeight(720);
        });

        // A problem first: a password that Harbor refuses.
        paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), "Xq3v-7Lk_Pz2Wm9aRt0Y"));
        shoot("1-credentials");
        robot.clickOn("#nextButton");
        waitUntil(30, () -> robot.lookup("#loginProblem").query().isVisible());
        robot.clickOn("#loginProblem .toggle-button");
        shoot("2-login-problem");

        robot.clickOn("#backButton");
        paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.clickOn("#nextButton");
        waitUntil(30, () -> robot.lookup("#loginSucceeded").query().isVisible());
        shoot("3-login");

        robot.clickOn("#nextButton");
        waitUntil(30, () -> !robot.lookup("#imageTable").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn(robot.lookup("#imageTable .table-cell").match(LabeledMatchers.hasText(image)).<Node>query());
        shoot("4-tag");
        robot.interact(() -> robot.lookup("#tagField").queryAs(TextInputControl.class).setText("v1 final!"));
        shoot("4-tag-invalid");
        robot.interact(() -> robot.lookup("#tagField").queryAs(TextInputControl.class).setText("2024.11"));

        robot.clickOn("#nextButton");
        waitUntil(120, () -> robot.lookup("#overallBar").queryAs(ProgressBar.class).getProgress() > 0.35);
        shoot("5-push-running");
        waitUntil(300, () -> robot.lookup("#resultBox").query().isVisible());
        shoot("6-push-done");

        robot.clickOn("#nextButton");
        shoot("7-import");
        robot.clickOn("#nextButton");
        shoot("8-done");
        robot.interact(() -> wizard.window.shutDown());
    }

    private void paste(String text) {
        robot.interact(() -> {
            robot.lookup("#pasteArea").queryAs(TextArea.class).clear();
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
        });
        robot.clickOn("#pasteArea");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The whole screen, which Xvfb makes exactly the window's size. */
    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        Path file = out.resolve(name + "-" + suffix + ".png");
        Process process = new ProcessBuilder("/usr/bin/import", "-window", "root", file.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    private void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
    }
}
