package io.github.harborupload.ui;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.settings.UploadHistory;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the real wizard in a real window (run under Xvfb by {@code scripts/screenshots.sh}) and
 * photographs each step with ImageMagick's {@code import}, as a user would see it. Not a test: the
 * pictures are for people to judge. The Harbor is the stack's look-alike and the platform the
 * local stand-in, so the platform's sign-in and one-click import are in the pictures too.
 *
 * <p>Arguments: the output folder, {@code en} or {@code zh}, and optionally {@code pause} for the
 * paused push and the next start's offer to resume it (issue 19), {@code history} for the list of
 * earlier uploads (issue 15, item 13), or {@code stop} for a stopped push, the smallest window and the
 * offer to remove the local tag, under a window manager (issue 15, items 3, 4 and 9). With
 * {@code HARBOR_UPLOAD_THEME=dark} the wizard is dark (as {@link WizardFixture} opens it) and each
 * picture's name starts with {@code dark-}.
 */
public final class ScreenshotTour {

    private static final int MIB = 1 << 20;
    private static final String PLATFORM_PASSWORD = "platform-pw";

    private final WizardRobot robot = new WizardRobot(new FxRobot());
    private final Path out;
    private final String prefix;
    private final String suffix;

    private ScreenshotTour(Path out, String suffix) {
        this.out = out;
        this.prefix = "dark".equalsIgnoreCase(System.getenv("HARBOR_UPLOAD_THEME")) ? "dark-" : "";
        this.suffix = suffix;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Language language = Language.fromCode(args[1]).orElseThrow();
        Files.createDirectories(out);
        TestStack stack = TestStack.require();
        Path work = Files.createTempDirectory("tour");
        String user = "tour-" + language.code();
        HtpasswdRegistry registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"),
                stack.harbor(), new Credential(stack.user(), stack.password()));
        try (StackImages images = new StackImages(stack);
             FakePlatform platform = FakePlatform.start(ServerVersion.CURRENT, registry, stack.harborApiPort())
                     .user(user, PLATFORM_PASSWORD)) {
            String part = args.length > 2 ? args[2] : "path";
            // An image the registry has never seen, so the push really uploads (and takes a while);
            // the list of earlier uploads only names one.
            String image = part.equals("history") ? "research/pytorch-train-" + language.code() + ":1"
                    : images.buildRandom("research/pytorch-train-" + language.code(), 6, 40 * MIB,
                            Files.createDirectory(work.resolve("image")));
            WizardFixture wizard = new WizardFixture(stack, work.resolve("wizard"), language, stack.harbor(),
                    platform.address().toString());
            ScreenshotTour tour = new ScreenshotTour(out, language.code());
            if (part.equals("pause")) {
                tour.pause(stack, wizard, image);
            } else if (part.equals("history")) {
                tour.history(stack, wizard, user, image);
            } else if (part.equals("stop")) {
                tour.stop(stack, wizard, image);
            } else {
                tour.walk(stack, wizard, user, image);
            }
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        } finally {
            registry.remove(user);
            FxToolkit.cleanupStages();
            // The image's build folder and the paused push's spool: hundreds of MB a tour.
            removeAll(work);
        }
        // JavaFX keeps its threads alive; the tour is over.
        System.exit(0);
    }

    private void walk(TestStack stack, WizardFixture wizard, String user, String image) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        openWindow(wizard);

        // A problem first: a password that Harbor refuses.
        robot.paste(WizardFixture.credentialDialog(stack.harbor(), stack.user(), "Xq3v-7Lk_Pz2Wm9aRt0Y"));
        shoot("1-credentials");
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginProblem");
        robot.click("#loginProblem .toggle-button");
        shoot("2-login-problem");
        robot.click("#backButton");

        // Then the platform hands out a login of its own.
        robot.click("#platformLink");
        robot.waitUntil(10, () -> robot.fx().lookup("#platformUsername").tryQuery().isPresent());
        robot.replaceText("#platformUsername", user);
        robot.fx().clickOn("#platformPassword").write(PLATFORM_PASSWORD);
        // The local platform takes LDAP and normal accounts: the dialog offers both (issue 12).
        robot.waitForVisible(10, "#platformMethodLdap");
        shoot("3-platform-sign-in");
        robot.click("#platformSignInButton");
        robot.waitUntil(30, () -> robot.fx().lookup(wizard.text("credentials.platform.reset")).tryQuery().isPresent());
        shoot("3-platform-reset");
        robot.clickDialogButton(wizard.text("credentials.platform.reset"));
        robot.waitUntil(30, () -> robot.text("#passwordField").length() == 20);
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        shoot("3-login");

        robot.click("#nextButton");
        robot.chooseImage(image);
        shoot("4-tag");
        // The smallest window the wizard allows: the step scrolls, nothing is cut.
        robot.fx().interact(() -> {
            stage.setWidth(760);
            stage.setHeight(560);
        });
        shoot("4-tag-small", 760, 560);
        robot.fx().interact(() -> {
            stage.setWidth(980);
            stage.setHeight(720);
        });
        robot.fx().interact(() -> robot.fx().lookup("#tagField").queryAs(TextInputControl.class).setText("v1 final!"));
        shoot("4-tag-invalid");
        robot.fx().interact(() -> robot.fx().lookup("#tagField").queryAs(TextInputControl.class).setText("2024.11"));

        robot.click("#nextButton");
        // An earlier tour may have pushed this tag already: replace it.
        String replace = wizard.text("tag.exists.overwrite");
        robot.waitUntil(60, () -> robot.fx().lookup("#overallBar").tryQuery().isPresent()
                || robot.fx().lookup(replace).tryQuery().isPresent());
        if (robot.read(() -> robot.fx().lookup(replace).tryQuery().isPresent())) {
            robot.clickDialogButton(replace);
        }
        robot.waitUntil(120, () -> robot.fx().lookup("#overallBar").tryQueryAs(ProgressBar.class)
                .map(bar -> bar.getProgress() > 0.35).orElse(false));
        shoot("5-push-running");
        robot.waitForVisible(300, "#resultBox");
        shoot("6-push-done");

        // The same image again: Harbor has every layer, nothing is uploaded.
        robot.click("#backButton");
        robot.click("#nextButton");
        robot.waitUntil(60, () -> robot.fx().lookup(replace).tryQuery().isPresent());
        robot.clickDialogButton(replace);
        robot.waitUntil(120, () -> robot.fx().lookup("#resultBox").tryQuery().map(Node::isVisible).orElse(false));
        shoot("6-push-nothing-to-upload");

        // Passing the import by: Done says so and leads Back to it.
        robot.click("#nextButton");
        robot.click("#nextButton");
        shoot("8-done-not-imported");
        robot.click("#backButton");
        robot.click("#importButton");
        robot.waitForVisible(30, "#importedBanner");
        shoot("7-import");
        robot.click("#nextButton");
        shoot("8-done");
        robot.fx().interact(() -> wizard.window.shutDown());
    }

    /**
     * A push paused on the push step (the paused banner beside Resume), then a fresh window: its
     * first step offers to resume that push (issue 19).
     */
    private void pause(TestStack stack, WizardFixture wizard, String image) throws Exception {
        FxToolkit.registerPrimaryStage();
        openWindow(wizard);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(image);
        robot.click("#nextButton");
        robot.waitUntil(120, () -> robot.fx().lookup("#overallBar").tryQueryAs(ProgressBar.class)
                .map(bar -> bar.getProgress() > 0.3).orElse(false));
        robot.click("#pauseButton");
        robot.waitForVisible(60, "#pausedBanner");
        shoot("5-push-paused");
        robot.fx().interact(() -> wizard.window.shutDown());

        openWindow(wizard);
        robot.waitForVisible(60, "#resumeOffer");
        shoot("1-credentials-resume");
        robot.fx().interact(() -> wizard.window.shutDown());
    }

    private static void openWindow(WizardFixture wizard) throws Exception {
        FxToolkit.setupStage(primary -> {
            wizard.open(primary);
            primary.setX(0);
            primary.setY(0);
            primary.setWidth(980);
            primary.setHeight(720);
        });
    }

    private static void removeAll(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException leftForTheSystem) {
            // /tmp is cleaned at boot anyway.
        }
    }

    /**
     * The list of earlier uploads (issue 15, item 13) over the window, not signed in to the platform: three uploads as earlier runs recorded them, the newest not imported yet.
     */
    private void history(TestStack stack, WizardFixture wizard, String user, String image) throws Exception {
        UploadHistory history = new UploadHistory(wizard.appConfig);
        String project = stack.harbor() + "/user-" + user + "/";
        Instant now = Instant.now();
        history.recordPush("research/bert-finetune:v3", project + "bert-finetune:v3", "sha256:" + "4f1c".repeat(16),
                now.minus(Duration.ofDays(6)));
        history.markImported(project + "bert-finetune:v3");
        history.recordPush("research/llama-serve:latest", project + "llama-serve:latest", "sha256:" + "9a07".repeat(16),
                now.minus(Duration.ofHours(3)));
        history.markImported(project + "llama-serve:latest");
        history.recordPush(image, project + "pytorch-train:2024.11", "sha256:" + "c3d2".repeat(16), now.minus(Duration.ofMinutes(12)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(primary -> {
            wizard.open(primary);
            primary.setX(0);
            primary.setY(0);
        });
        robot.click("#earlierUploadsLink");
        robot.waitForVisible(10, "#historyRows");
        // The whole screen, as large as the window: the dialog is centred over it. (A 760 × 560 cut
        // of the screen cut the dialog off: without a window manager the window kept the screen's size.)
        shoot("9-history");
        robot.fx().type(KeyCode.ESCAPE);
        robot.fx().interact(() -> wizard.window.shutDown());
    }

    /**
     * Under a window manager (Openbox on a larger Xvfb screen, {@code DISPLAY} given by the caller):
     * the window as it opens by itself, the tag step at the smallest size, a push stopped by the
     * user (the question, then the calm stopped state), and after Start again the offer to remove
     * the local tag. Each picture is the window with its frame.
     */
    private void stop(TestStack stack, WizardFixture wizard, String image) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(wizard::open);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(image);
        robot.fx().interact(() -> {
            stage.setWidth(760);
            stage.setHeight(560);
        });
        shootWindow(stage, "4-tag-small-wm");
        robot.fx().interact(() -> {
            stage.setWidth(980);
            stage.setHeight(720);
        });
        robot.click("#nextButton");
        robot.waitUntil(120, () -> robot.fx().lookup("#overallBar").tryQueryAs(ProgressBar.class)
                .map(bar -> bar.getProgress() > 0.3).orElse(false));
        robot.click("#cancelButton");
        robot.waitUntil(30, () -> robot.fx().lookup(".dialog-pane").tryQuery().isPresent());
        Stage question = robot.read(() -> (Stage) robot.fx().lookup(".dialog-pane").query().getScene().getWindow());
        shootWindow(question, "5-push-stop-question");
        robot.clickDialogButton(wizard.text("push.cancel.stop"));
        robot.waitForVisible(60, "#stoppedNote");
        shootWindow(stage, "5-push-stopped");
        robot.click("#retryButton");
        robot.waitForVisible(300, "#resultBox");
        robot.waitForVisible(30, "#localNameOffer");
        shootWindow(stage, "6-push-local-tag");
        robot.fx().interact(() -> wizard.window.shutDown());
    }

    /** The window with its frame, cut from the screen. */
    private void shootWindow(Stage window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int[] bounds = robot.read(() -> new int[] {(int) window.getX(), (int) window.getY(),
                (int) window.getWidth(), (int) window.getHeight()});
        capture(name, List.of("-crop", bounds[2] + "x" + bounds[3] + "+" + bounds[0] + "+" + bounds[1]));
    }

    /** The whole screen, which Xvfb makes exactly the window's size. */
    private void shoot(String name) throws Exception {
        shoot(name, 0, 0);
    }

    /** The screen, or its top left corner when a width is given (a window smaller than the screen). */
    private void shoot(String name, int width, int height) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        capture(name, width > 0 ? List.of("-crop", width + "x" + height + "+0+0") : List.of());
    }

    private void capture(String name, List<String> crop) throws Exception {
        Thread.sleep(400);
        Path file = out.resolve(prefix + name + "-" + suffix + ".png");
        List<String> command = new ArrayList<>(List.of("/usr/bin/import", "-window", "root"));
        command.addAll(crop);
        command.add(file.toString());
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }
}
