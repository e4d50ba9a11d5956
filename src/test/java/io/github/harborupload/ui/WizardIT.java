package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.settings.UploadHistory;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackTest;
import io.github.harborupload.testsupport.TestStack;
import io.github.harborupload.ui.common.ProblemPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The real wizard, driven with TestFX (headless Monocle) against the project's real Docker daemon
 * and registry: the whole path, and the ways it can go wrong on the way.
 */
@ExtendWith(ApplicationExtension.class)
class WizardIT extends StackTest {

    private static final int MIB = 1 << 20;
    private static final long PUSH_TIMEOUT_SECONDS = 180;

    /** Five layers the registry has never seen, so the push really uploads them. */
    private static String fiveLayers;
    /** One small layer, for a push that is quickly over. */
    private static String small;

    @TempDir
    Path dir;
    private WizardFixture wizard;
    private Stage stage;

    @BeforeAll
    static void buildImages(@TempDir Path work) throws Exception {
        fiveLayers = images.buildRandom(TestStack.uniqueRepository("local/wizard-five"), 5, 12 * MIB,
                Files.createDirectory(work.resolve("five")));
        small = images.buildRandom(TestStack.uniqueRepository("local/wizard-small"), 1, MIB,
                Files.createDirectory(work.resolve("small")));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new WizardFixture(stack, dir, Language.ENGLISH);
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> wizard.window.shutDown());
    }

    @Test
    void theWholePathFromAPastedDialogToTheSummary(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        assertEquals(stack.user(), robot.text("#usernameField"));
        assertEquals(stack.password(), robot.text("#passwordField"));

        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        assertEquals(wizard.text("login.title.succeeded"), robot.label("#loginTitle"), "no longer \"Checking\" (issue 15, item 8)");
        assertTrue(Files.readString(wizard.dockerConfig.resolve("config.json")).contains(stack.registry()),
                "the login is stored in the Docker config, as docker login stores it");

        robot.click("#nextButton");
        robot.chooseImage(fiveLayers);
        String repository = robot.text("#repositoryField");
        assertTrue(repository.startsWith("local-wizard-five"), repository);
        assertEquals("1", robot.text("#tagField"));
        String link = stack.registry() + "/user-" + stack.user() + "/" + repository + ":1";
        assertEquals(link, robot.text("#linkField"));

        robot.click("#nextButton");
        robot.waitUntil(30, () -> robot.layerRows().size() == 5);
        robot.waitUntil(60, () -> robot.layerRows().stream().anyMatch(row -> row.fractionProperty().get() > 0));
        robot.waitForVisible(PUSH_TIMEOUT_SECONDS, "#resultBox");
        assertEquals(1.0, robot.read(() -> fx.lookup("#overallBar").queryAs(ProgressBar.class).getProgress()));
        assertTrue(robot.layerRows().stream().allMatch(row -> row.fractionProperty().get() == 1.0));
        String digest = robot.text("#digestField");
        assertEquals(RegistryManifests.digest(stack.registry(), "user-" + stack.user() + "/" + repository, "1",
                new Credential(stack.user(), stack.password())).orElseThrow(), digest,
                "the digest shown is the one the registry serves");

        robot.click("#nextButton");
        assertEquals(link, robot.text("#importLinkField"));
        assertEquals(repository + ":1", robot.text("#descriptionField"));
        robot.click("#descriptionField");
        fx.type(KeyCode.ENTER);
        assertEquals(Step.IMPORT, robot.read(() -> wizard.window.shell().current()),
                "Enter in the description does not skip the import (issue 15, item 1)");
        assertFalse(robot.visible("#importButton"), "one-click import needs a platform session");
        assertEquals(wizard.text("import.intro"), robot.label("#importIntro"), "not signed in: copy the fields by hand");
        robot.click("#openPlatformButton");
        assertEquals(List.of("https://gpu.act.buaa.edu.cn/portal/env/images"), wizard.opened);
        assertEquals("https://gpu.act.buaa.edu.cn/portal/env/images", robot.text("#openedLink"),
                "the page's address to copy when no browser opens (issue 15, item 10)");

        robot.click("#nextButton");
        assertEquals(Step.DONE, robot.read(() -> wizard.window.shell().current()));
        assertEquals(link, robot.text("#summary-link"));
        assertEquals(digest, robot.text("#summary-digest"));
        assertEquals(wizard.text("done.notImported"), robot.label("#importedLabel"), "Done says plainly it is not imported");

        robot.click("#anotherButton");
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()));
        assertTrue(robot.disabled("#nextButton"), "a new image must be chosen");
    }

    @Test
    void aWrongPasswordShowsTheLoginProblemAndBackKeepsTheForm(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        String dialog = WizardFixture.credentialDialog(stack.registry(), stack.user(), "wrong-password-12345");
        robot.paste(dialog);
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginProblem");
        assertEquals(wizard.translator().text(ProblemType.LOGIN_FAILED.title()), robot.label("#loginProblem .problem-title"));
        assertTrue(robot.visible("#retryButton"));
        assertTrue(robot.disabled("#nextButton"));
        // Issue 15, item 8: the registry answered 401, yet the causes began with the address and
        // listed a network down; Retry, focused, sent the same password; the heading said "Checking".
        List<String> causes = robot.read(() -> fx.lookup("#loginProblem").queryAs(ProblemPane.class).problemProperty().get().causes());
        assertTrue(causes.get(0).contains("401 Unauthorized"), causes.get(0));
        assertTrue(causes.stream().noneMatch(cause -> cause.contains("network")), causes.toString());
        assertEquals("editPasswordButton", robot.focusedId(), "editing the password comes before a retry");
        assertEquals(wizard.text("login.title.failed"), robot.label("#loginTitle"));

        robot.click("#backButton");
        assertEquals(Step.CREDENTIALS, robot.read(() -> wizard.window.shell().current()));
        robot.waitUntil(5, () -> "passwordField".equals(robot.focusedId()));
        assertEquals(stack.user(), robot.text("#usernameField"));
        assertEquals("wrong-password-12345", robot.text("#passwordField"));
        assertEquals("", robot.text("#pasteArea"), "the paste, password and all, is cleared once it filled the fields");
        assertEquals(wizard.text("credentials.paste.found", stack.user()), robot.label("#pasteFeedback"));
        assertFalse(Files.exists(wizard.dockerConfig.resolve("config.json")), "a refused login is not stored");

        robot.click("#nextButton");
        robot.waitForVisible(30, "#editPasswordButton");
        robot.click("#editPasswordButton");
        assertEquals(Step.CREDENTIALS, robot.read(() -> wizard.window.shell().current()));
        robot.waitUntil(5, () -> "passwordField".equals(robot.focusedId()));
    }

    @Test
    void anInvalidTagShowsItsReasonAndDisablesNext(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        robot.chooseImage(fiveLayers);
        assertFalse(robot.disabled("#nextButton"));

        robot.replaceText("#tagField", "v1 final!");
        assertTrue(robot.visible("#tagReason"));
        assertTrue(robot.label("#tagReason").contains("space"), robot.label("#tagReason"));
        assertTrue(robot.disabled("#nextButton"));

        robot.replaceText("#tagField", "v1-final");
        assertFalse(robot.visible("#tagReason"));
        assertFalse(robot.disabled("#nextButton"));

        robot.replaceText("#repositoryField", "My-Repo");
        assertTrue(robot.label("#repositoryReason").contains("my-repo"), "the uppercase rule suggests the lowercase form");
        assertTrue(robot.disabled("#nextButton"));
    }

    @Test
    void dockersOwnPushIsAChoiceKeptInTheSettings(FxRobot fx) throws Exception {
        // Issue 17: the wizard pushes by itself unless the user picks docker's push, which the
        // command line then follows too (settings.json's pushVia).
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        Path settings = wizard.appConfig.resolve("settings.json");
        robot.click("#pushWithDocker");
        assertTrue(Files.readString(settings).contains("\"pushVia\" : \"engine\""), Files.readString(settings));
        robot.click("#pushWithDocker");
        assertTrue(Files.readString(settings).contains("\"pushVia\" : \"registry\""), Files.readString(settings));
    }

    /** Issue 15, item 2: after Back and another account's login, the Tag step kept the first account's project. */
    @Test
    void aProposedProjectFollowsAnotherLoginButATypedOneStays(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        robot.chooseImage(small);
        assertEquals("user-" + stack.user(), robot.text("#projectField"));

        robot.click("#backButton");
        loginAs(robot, stack.otherUser(), stack.otherPassword());
        robot.click("#nextButton");
        assertEquals("user-" + stack.otherUser(), robot.text("#projectField"), "the proposal follows the new login");
        assertTrue(robot.text("#linkField").contains("/user-" + stack.otherUser() + "/"), robot.text("#linkField"));

        robot.replaceText("#projectField", "lab-shared");
        robot.click("#backButton");
        loginAs(robot, stack.user(), stack.password());
        robot.click("#nextButton");
        assertEquals("lab-shared", robot.text("#projectField"), "what the user typed is theirs to change");
    }

    /**
     * Issue 15, item 3: the tag a push made can go again in one click, and the image stays under the
     * name it was chosen by (docker rmi of a name the image has beside others only untags it).
     */
    @Test
    void theTagAPushMadeCanBeRemovedAndTheImageStays(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        robot.chooseImage(small);
        String link = robot.text("#linkField");
        images.removeLater(link);
        robot.click("#nextButton");
        robot.waitForVisible(PUSH_TIMEOUT_SECONDS, "#resultBox");
        assertTrue(robot.visible("#localNameOffer"));
        assertEquals(wizard.text("push.name.offer", link, small), robot.label("#localNameLine"));

        robot.click("#removeLocalName");
        robot.waitUntil(30, () -> robot.label("#localNameLine").equals(wizard.text("push.name.removed", link, small)));
        assertFalse(robot.visible("#removeLocalName"), "nothing left to remove");
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            assertThrows(ImageNotFoundException.class, () -> engine.inspect(link), "the tag is gone");
            engine.inspect(small); // the source image stays
        }
    }

    /**
     * Issue 15, item 3: a push leaves HOST/user-NAME/REPO:TAG behind, and picking that tag proposed
     * user-NAME/user-NAME-REPO; Back from the push step lost the image's selection.
     */
    @Test
    void backFromThePushKeepsTheImageAndTheTagItLeftIsProposedByItsName(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        robot.chooseImage(small);
        String repository = robot.text("#repositoryField");
        String link = robot.text("#linkField");
        robot.click("#nextButton");
        robot.waitForVisible(PUSH_TIMEOUT_SECONDS, "#resultBox");
        images.removeLater(link);

        robot.click("#backButton");
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()));
        robot.waitUntil(30, () -> small.equals(selectedImage(fx)));
        assertEquals(link, robot.text("#linkField"));
        assertFalse(robot.disabled("#nextButton"));

        // Issue 15, item 11: pushed again, every layer is already there; it read "0 B of 0 B".
        robot.click("#nextButton");
        robot.waitForVisible(PUSH_TIMEOUT_SECONDS, "#resultBox");
        assertEquals(wizard.text("push.summary.nothing", 1), robot.label("#sizeLabel"));
        assertEquals(wizard.translator().text(ProgressLine.NOTHING_TO_UPLOAD), robot.label("#overallLabel"));
        robot.click("#backButton");

        robot.chooseImage(link);
        assertEquals(wizard.text("tag.uploaded"), robot.read(() -> ((Label) fx.lookup("#imageTable .table-cell")
                .match(LabeledMatchers.hasText(link)).queryAs(TableCell.class).getGraphic()).getText()),
                "the tag a push left is shown as what it is");
        assertEquals(repository, robot.text("#repositoryField"), "not user-" + stack.user() + "-" + repository);
        assertEquals(link, robot.text("#linkField"));
    }

    /**
     * Issue 15, item 13: the image uploaded last (the flow's record of uploads, settings.UploadHistory)
     * comes selected on the Tag step, with its target proposed as a click would.
     */
    @Test
    void theImageUploadedLastComesSelected(FxRobot fx) {
        new UploadHistory(wizard.appConfig).recordPush(small, stack.registry() + "/user-" + stack.user() + "/earlier:v1",
                "sha256:" + "e".repeat(64), Instant.now());
        WizardRobot robot = new WizardRobot(fx);
        loginAndOpenTagStep(robot);
        robot.waitUntil(30, () -> robot.fx().lookup("#imageTable").queryAs(TableView.class).getSelectionModel()
                .getSelectedItem() instanceof ImageChoice chosen && chosen.name().equals(small));
        assertFalse(robot.text("#repositoryField").isEmpty(), "its target is proposed");
        assertEquals(small, robot.read(() -> wizard.window.context().session().image().map(ImageChoice::name).orElse("")));
    }

    /**
     * Issue 15, item 4: at its minimum size the Tag step cut its intro and its buttons and pushed
     * Cancel/Back/Next out of the window. Each step is looked at in the smallest window allowed.
     */
    @Test
    void everyStepIsWholeInTheSmallestWindow(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        assertEquals(List.of(980.0, 720.0), robot.read(() -> List.of(stage.getWidth(), stage.getHeight())),
                "opens at its intended size when the screen has room");
        robot.fx().interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        assertEquals(List.of(760.0, 560.0), robot.read(() -> List.of(stage.getWidth(), stage.getHeight())));
        robot.assertWhole(Step.CREDENTIALS);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.waitUntil(5, () -> robot.inView("#passwordReason"));
        assertTrue(robot.label("#passwordReason").contains("20"), "the stack's password is not the platform's 20 characters (issue 15, item 5)");
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(small);
        robot.assertWhole(Step.TAG);
        robot.click("#nextButton");
        // The push's result with the offer to remove the local tag is taller than this window's room:
        // the step scrolls, and Back and Next stay in the window (they were pushed out of it).
        robot.waitForVisible(PUSH_TIMEOUT_SECONDS, "#resultBox");
        robot.waitForVisible(30, "#localNameOffer");
        robot.assertWhole(Step.PUSH);
        robot.click("#nextButton");
        robot.assertWhole(Step.IMPORT);
        robot.click("#nextButton");
        robot.assertWhole(Step.DONE);
    }

    /** Issue 15, item 7: Esc on the first step with nothing entered asked for confirmation needlessly. */
    @Test
    void escOnAnEmptyFirstStepClosesAtOnce(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        robot.click("#usernameField");
        fx.type(KeyCode.ESCAPE);
        robot.waitUntil(5, () -> !stage.isShowing());
        assertTrue(fx.lookup(".dialog-pane").tryQuery().isEmpty(), "no question");
    }

    /** Issue 15, item 7: Show, the language menu and the links took focus with no sign of it. */
    @Test
    void focusShowsOnTheFlatControls(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        for (String query : List.of("#revealToggle", "#languageMenu", "#platformLink")) {
            robot.fx().interact(() -> fx.lookup(query).query().requestFocus());
            assertEquals(query.substring(1), robot.focusedId());
            Border border = robot.read(() -> fx.lookup(query).queryAs(Region.class).getBorder());
            assertTrue(border != null && !border.getStrokes().isEmpty()
                    && !Color.TRANSPARENT.equals(border.getStrokes().get(0).getTopStroke()), query + " shows its focus");
        }
    }

    @Test
    void theKeyboardAloneWorks(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#usernameField");
        fx.type(KeyCode.ESCAPE);
        robot.waitUntil(30, () -> fx.lookup(".dialog-pane").tryQuery().isPresent());
        assertEquals(wizard.text("app.title"), robot.read(() -> ((Stage) fx.lookup(".dialog-pane").query().getScene().getWindow()).getTitle()),
                "the dialog's title is the wizard's, not JavaFX's \"Confirmation\" (issue 15, item 12)");
        robot.clickDialogButton(wizard.text("quit.stay"));
        assertEquals(Step.CREDENTIALS, robot.read(() -> wizard.window.shell().current()), "Esc asks first; Stay stays");

        robot.click("#pasteArea");
        fx.type(KeyCode.TAB);
        assertEquals("usernameField", robot.focusedId(), "Tab leaves the paste area");
        fx.type(KeyCode.ENTER);
        robot.waitForVisible(30, "#loginSucceeded");
        assertEquals("nextButton", robot.focusedId(), "after the check, Enter continues");
        fx.type(KeyCode.ENTER);
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()));
    }

    @Test
    void switchingTheLanguageKeepsWhatWasTyped(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        fx.clickOn("#usernameField").write("alice");
        robot.click("#languageMenu");
        robot.click(Language.CHINESE.ownName());
        assertEquals("alice", robot.text("#usernameField"));
        assertEquals(new WizardFixture(stack, dir, Language.CHINESE).text("credentials.title"), robot.label(".step-title"));
        assertTrue(Files.exists(wizard.appConfig.resolve("settings.json")));
        // Issue 15, item 6: the menu did not mark the current language.
        assertEquals(List.of(Language.CHINESE.ownName()), robot.read(() -> fx.lookup("#languageMenu").queryAs(MenuButton.class)
                .getItems().stream().filter(item -> ((RadioMenuItem) item).isSelected()).map(MenuItem::getText).toList()));
    }

    private static String selectedImage(FxRobot fx) {
        ImageChoice selected = (ImageChoice) fx.lookup("#imageTable").queryAs(TableView.class).getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.name();
    }

    /** From the credentials step, pastes this account's dialog and waits for the login check. */
    private void loginAs(WizardRobot robot, String user, String password) {
        robot.paste(WizardFixture.credentialDialog(stack.registry(), user, password));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
    }

    private void loginAndOpenTagStep(WizardRobot robot) {
        robot.paste(WizardFixture.credentialDialog(stack.registry(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
    }
}
