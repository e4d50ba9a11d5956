package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import io.github.harborupload.ui.push.LayerRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real wizard, driven with TestFX (headless Monocle) against the project's real Docker daemon
 * and registry: the whole path, and the ways it can go wrong on the way.
 */
@ExtendWith(ApplicationExtension.class)
class WizardIT {

    private static final int MIB = 1 << 20;
    private static final long PUSH_TIMEOUT_SECONDS = 180;

    private static TestStack stack;
    private static StackImages images;
    /** Five layers the registry has never seen, so the push really uploads them. */
    private static String fiveLayers;
    /** Bigger layers, so a push is still running when the test cancels it. */
    private static String forCancel;

    @TempDir
    Path dir;
    private WizardFixture wizard;

    @BeforeAll
    static void buildImages(@TempDir Path work) throws Exception {
        stack = TestStack.require();
        images = new StackImages(stack);
        fiveLayers = images.buildRandom(TestStack.uniqueRepository("local/wizard-five"), 5, 12 * MIB,
                Files.createDirectory(work.resolve("five")));
        forCancel = images.buildRandom(TestStack.uniqueRepository("local/wizard-cancel"), 5, 40 * MIB,
                Files.createDirectory(work.resolve("cancel")));
    }

    @AfterAll
    static void removeImages() throws Exception {
        if (images != null) {
            images.close();
        }
    }

    @Start
    void start(Stage stage) {
        wizard = new WizardFixture(TestStack.require(), dir, Language.ENGLISH);
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> wizard.window.shutDown());
    }

    @Test
    void theWholePathFromAPastedDialogToTheSummary(FxRobot robot) throws Exception {
        paste(robot, WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        assertEquals(stack.user(), fx(() -> text(robot, "#usernameField")));
        assertEquals(stack.password(), fx(() -> text(robot, "#passwordField")));

        robot.clickOn("#nextButton");
        waitUntil(30, () -> robot.lookup("#loginSucceeded").query().isVisible());
        assertTrue(Files.readString(wizard.dockerConfig.resolve("config.json")).contains(stack.registry()),
                "the login is stored in the Docker config, as docker login stores it");

        robot.clickOn("#nextButton");
        chooseImage(robot, fiveLayers);
        String repository = fx(() -> text(robot, "#repositoryField"));
        assertTrue(repository.startsWith("local-wizard-five"), repository);
        assertEquals("1", fx(() -> text(robot, "#tagField")));
        String link = stack.registry() + "/user-" + stack.user() + "/" + repository + ":1";
        assertEquals(link, fx(() -> text(robot, "#linkField")));

        robot.clickOn("#nextButton");
        waitUntil(30, () -> layerRows(robot).size() == 5);
        waitUntil(60, () -> layerRows(robot).stream().anyMatch(row -> row.fractionProperty().get() > 0));
        waitUntil(PUSH_TIMEOUT_SECONDS, () -> robot.lookup("#resultBox").query().isVisible());
        assertEquals(1.0, fx(() -> robot.lookup("#overallBar").queryAs(ProgressBar.class).getProgress()));
        assertTrue(fx(() -> layerRows(robot).stream().allMatch(row -> row.fractionProperty().get() == 1.0)));
        String digest = fx(() -> text(robot, "#digestField"));
        assertEquals(RegistryManifests.digest(stack.registry(), "user-" + stack.user() + "/" + repository, "1",
                new Credential(stack.user(), stack.password())).orElseThrow(), digest,
                "the digest shown is the one the registry serves");

        robot.clickOn("#nextButton");
        assertEquals(link, fx(() -> text(robot, "#importLinkField")));
        assertEquals(repository + ":1", fx(() -> text(robot, "#descriptionField")));
        robot.clickOn("#openPlatformButton");
        assertEquals(List.of("https://gpu.act.buaa.edu.cn/portal/env/images"), wizard.opened);

        robot.clickOn("#nextButton");
        assertEquals(Step.DONE, fx(() -> wizard.window.shell().current()));
        assertEquals(link, fx(() -> text(robot, "#summary-link")));
        assertEquals(digest, fx(() -> text(robot, "#summary-digest")));

        robot.clickOn("#anotherButton");
        assertEquals(Step.TAG, fx(() -> wizard.window.shell().current()));
        assertTrue(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()), "a new image must be chosen");
    }

    @Test
    void aWrongPasswordShowsTheLoginProblemAndBackKeepsTheForm(FxRobot robot) {
        String dialog = WizardFixture.credentialDialog(stack.registry(), stack.user(), "wrong-password-12345");
        paste(robot, dialog);
        robot.clickOn("#nextButton");
        waitUntil(30, () -> robot.lookup("#loginProblem").query().isVisible());
        String title = fx(() -> robot.lookup("#loginProblem .problem-title").queryAs(Label.class).getText());
        assertEquals(wizard.translator().text(ProblemType.LOGIN_FAILED.title()), title);
        assertTrue(fx(() -> robot.lookup("#retryButton").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));

        robot.clickOn("#backButton");
        assertEquals(Step.CREDENTIALS, fx(() -> wizard.window.shell().current()));
        assertEquals(stack.user(), fx(() -> text(robot, "#usernameField")));
        assertEquals("wrong-password-12345", fx(() -> text(robot, "#passwordField")));
        assertEquals(dialog, fx(() -> text(robot, "#pasteArea")));
        assertFalse(Files.exists(wizard.dockerConfig.resolve("config.json")), "a refused login is not stored");
    }

    @Test
    void anInvalidTagShowsItsReasonAndDisablesNext(FxRobot robot) {
        loginAndOpenTagStep(robot);
        chooseImage(robot, fiveLayers);
        assertFalse(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));

        replaceText(robot, "#tagField", "v1 final!");
        String reason = fx(() -> robot.lookup("#tagReason").queryAs(Label.class).getText());
        assertTrue(fx(() -> robot.lookup("#tagReason").query().isVisible()));
        assertTrue(reason.contains("space"), reason);
        assertTrue(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));

        replaceText(robot, "#tagField", "v1-final");
        assertFalse(fx(() -> robot.lookup("#tagReason").query().isVisible()));
        assertFalse(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));

        replaceText(robot, "#repositoryField", "My-Repo");
        assertTrue(fx(() -> robot.lookup("#repositoryReason").queryAs(Label.class).getText()).contains("my-repo"),
                "the uppercase rule suggests the lowercase form");
        assertTrue(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));
    }

    @Test
    void cancelDuringAPushLeavesAUsableWizardAndRetryFinishes(FxRobot robot) {
        loginAndOpenTagStep(robot);
        chooseImage(robot, forCancel);
        robot.clickOn("#nextButton");
        waitUntil(60, () -> layerRows(robot).stream().anyMatch(row -> row.fractionProperty().get() > 0));

        robot.clickOn("#cancelButton");
        robot.clickOn(wizard.text("push.cancel.stop"));
        waitUntil(30, () -> robot.lookup("#pushProblem").query().isVisible());
        assertEquals(wizard.translator().text(ProblemType.CANCELLED.title()),
                fx(() -> robot.lookup("#pushProblem .problem-title").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()), "nothing was pushed");
        assertFalse(fx(() -> robot.lookup("#backButton").queryButton().isDisabled()), "Back works again");

        robot.clickOn("#retryButton");
        waitUntil(PUSH_TIMEOUT_SECONDS, () -> robot.lookup("#resultBox").query().isVisible());
        assertFalse(fx(() -> robot.lookup("#nextButton").queryButton().isDisabled()));
    }

    @Test
    void theKeyboardAloneWorks(FxRobot robot) {
        paste(robot, WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.clickOn("#usernameField");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(wizard.text("quit.stay"));
        assertEquals(Step.CREDENTIALS, fx(() -> wizard.window.shell().current()), "Esc asks first; Stay stays");

        robot.clickOn("#pasteArea");
        robot.type(KeyCode.TAB);
        assertEquals("usernameField", fx(() -> focusedId(robot)), "Tab leaves the paste area");
        robot.type(KeyCode.ENTER);
        waitUntil(30, () -> robot.lookup("#loginSucceeded").query().isVisible());
        assertEquals("nextButton", fx(() -> focusedId(robot)), "after the check, Enter continues");
        robot.type(KeyCode.ENTER);
        assertEquals(Step.TAG, fx(() -> wizard.window.shell().current()));
    }

    @Test
    void switchingTheLanguageKeepsWhatWasTyped(FxRobot robot) {
        robot.clickOn("#usernameField").write("alice");
        robot.clickOn("#languageMenu");
        robot.clickOn(Language.CHINESE.ownName());
        assertEquals("alice", fx(() -> text(robot, "#usernameField")));
        assertEquals(new WizardFixture(stack, dir, Language.CHINESE).text("credentials.title"),
                fx(() -> robot.lookup(".step-title").queryAs(Label.class).getText()));
        assertTrue(Files.exists(wizard.appConfig.resolve("settings.json")));
    }

    private void loginAndOpenTagStep(FxRobot robot) {
        paste(robot, WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.clickOn("#nextButton");
        waitUntil(30, () -> robot.lookup("#loginSucceeded").query().isVisible());
        robot.clickOn("#nextButton");
    }

    /** Puts the text on the clipboard and pastes it with Ctrl+V, as a user does. */
    private static void paste(FxRobot robot, String text) {
        robot.interact(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)));
        robot.clickOn("#pasteArea");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(5, () -> !robot.lookup("#pasteArea").queryAs(TextArea.class).getText().isEmpty());
    }

    private static void chooseImage(FxRobot robot, String name) {
        waitUntil(30, () -> !robot.lookup("#imageTable").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn("#filterField").write(name);
        waitUntil(5, () -> robot.lookup("#imageTable").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn(robot.lookup("#imageTable .table-cell").match(LabeledMatchers.hasText(name)).<Node>query());
        waitUntil(5, () -> !robot.lookup("#repositoryField").queryAs(TextField.class).getText().isEmpty());
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).clear());
        robot.clickOn(query).write(text);
    }

    @SuppressWarnings("unchecked")
    private static List<LayerRow> layerRows(FxRobot robot) {
        return List.copyOf(robot.lookup("#layerTable").queryAs(TableView.class).getItems());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    private static String focusedId(FxRobot robot) {
        Node focused = robot.lookup("#nextButton").queryAs(Button.class).getScene().getFocusOwner();
        return focused == null ? null : focused.getId();
    }

    /** Reads JavaFX state on the FX thread. */
    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the UI", e);
        }
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the wizard did not get there within " + seconds + " s", e);
        }
    }
}
