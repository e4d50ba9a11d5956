package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.Guide;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.settings.UploadHistory;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
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

/**
 * The wizard with a platform account, against the local platform server (which follows the
 * platform's documented contract) and the project's real registry behind a Harbor look-alike:
 * the platform's credential endpoint creates a real registry login (raids-lab/crater
 * backend/internal/handler/image/harbor.go: UserGetProjectCredential), the checks before the push
 * ask Harbor's API (goharbor/harbor api/v2.0: project summary, artifacts), and the import is
 * confirmed by listing the user's images (backend/internal/handler/image/image.go).
 */
@ExtendWith(ApplicationExtension.class)
class PlatformWizardIT {

    private static final int MIB = 1 << 20;
    private static final String PLATFORM_PASSWORD = "platform-pw";

    private static TestStack stack;
    private static StackImages images;
    private static String image;

    @TempDir
    Path dir;
    private final String user = "wiz-" + Long.toHexString(System.nanoTime());
    private HtpasswdRegistry registry;
    private FakePlatform platform;
    private WizardFixture wizard;

    @BeforeAll
    static void buildImage(@TempDir Path work) throws Exception {
        stack = TestStack.require();
        images = new StackImages(stack);
        image = images.buildRandom(TestStack.uniqueRepository("local/platform-wizard"), 3, 2 * MIB, work);
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (images != null) {
            images.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        TestStack stack = TestStack.require();
        registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"), stack.harbor(),
                new Credential(stack.user(), stack.password()));
        platform = FakePlatform.start(ServerVersion.CURRENT, registry, stack.harborApiPort()).user(user, PLATFORM_PASSWORD);
        wizard = new WizardFixture(stack, dir, Language.ENGLISH, stack.harbor(), platform.address().toString());
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> wizard.window.shutDown());
        platform.close();
        registry.remove(user);
    }

    @Test
    void signInFetchCredentialsPushAndImportInOneClick(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, PLATFORM_PASSWORD, true);
        fetchCredentials(robot);
        assertEquals(stack.harbor(), robot.text("#registryField"), "the Harbor address comes from the platform");
        assertEquals(user, robot.text("#usernameField"));
        assertEquals(20, robot.text("#passwordField").length(), "Crater's passwords are 20 characters");
        Path sessions = wizard.appConfig.resolve("platform-sessions.json");
        assertTrue(Files.exists(sessions), "stay signed in keeps the session");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sessions)));
        assertFalse(Files.readString(sessions).contains(PLATFORM_PASSWORD), "never the platform password");

        String link = pushThroughTheWizard(robot);

        robot.click("#nextButton");
        assertTrue(robot.visible("#importButton"), "signed in: one click imports");
        assertEquals(wizard.text("import.intro.signedIn"), robot.label("#importIntro"), "the intro speaks of the one click");
        // Issue 15, item 1: before the import, Next looked as primary as the import button beside it.
        assertTrue(robot.mainAction("#importButton"));
        assertFalse(robot.mainAction("#nextButton"), "Next is not the main action before the import");

        // Issue 15, item 1: passing the import by reached a Done that ticked it and offered no way back.
        robot.click("#nextButton");
        assertEquals(Step.DONE, robot.read(() -> wizard.window.shell().current()));
        assertEquals(wizard.text("done.notImported.signedIn"), robot.label("#importedLabel"));
        assertEquals(List.of("✓", "✓", "✓", "✓", "5", "6"), robot.stepCircles(), "the import did not happen");
        assertTrue(robot.visible("#backButton"), "Back leads to the import");
        robot.click("#backButton");
        assertEquals(Step.IMPORT, robot.read(() -> wizard.window.shell().current()));

        robot.click("#importButton");
        robot.waitForVisible(30, "#importedBanner");
        assertTrue(platform.images().stream().anyMatch(i -> i.owner().equals(user) && i.link().equals(link)),
                "the platform lists the image");
        assertTrue(robot.disabled("#importButton"), "imported once: a second click would do nothing visible");
        assertEquals("importedBanner", robot.focusedId(), "focus stays by the import, not on the platform address (issue 15, item 10)");
        assertTrue(robot.mainAction("#nextButton"), "imported: Next is what is left to do");

        robot.click("#nextButton");
        assertEquals(wizard.text("done.imported"), robot.label("#importedLabel"));
        assertEquals(List.of("✓", "✓", "✓", "✓", "✓", "6"), robot.stepCircles());
        assertFalse(robot.visible("#backButton"), "nothing leads back from a finished upload");
    }

    /**
     * Issue 12: an account of the platform itself signs in with "普通登录" on a server with both
     * methods (auth.go GetAuthMode, Login; frontend/src/routes/auth/index.tsx), and importing an image
     * already in the user's list updates that record (interface.go: /v1/images/description, /type,
     * /tags, /arch) with the image's own platform (image.go stores archs as sent).
     */
    @Test
    void aNormalAccountSignsInAndReImportingUpdatesTheOneRecord(FxRobot fx) throws Exception {
        platform.normalUser(user, PLATFORM_PASSWORD);
        WizardRobot robot = new WizardRobot(fx);
        robot.click("#platformLink");
        robot.waitForVisible(30, "#platformMethodNormal");
        assertEquals(wizard.text("platform.method.ldap", "ACT"), robot.read(() -> fx.lookup("#platformMethodLdap").queryLabeled().getText()),
                "labelled as the platform's tab");
        robot.click("#platformMethodNormal");
        robot.replaceText("#platformUsername", user);
        robot.fx().clickOn("#platformPassword").write(PLATFORM_PASSWORD);
        robot.click("#platformSignInButton");
        fetchCredentials(robot);
        assertTrue(platform.requests("POST", "/api/auth/login").get(0).body().contains("\"auth\":\"normal\""));

        String link = pushThroughTheWizard(robot);
        platform.importedImage(user, link, "imported before", List.of("Llama"), List.of());
        robot.click("#nextButton");
        // The web form offers the tags already on the user's images too; chosen as before.
        robot.waitForVisible(30, "#importTag-Llama");
        robot.click("#importTag-CUDA");
        robot.click("#importButton");
        robot.waitForVisible(30, "#importedBanner");

        assertEquals(wizard.text("import.updated"), robot.label("#importedBanner"));
        List<FakePlatform.ImageRecord> mine = platform.images().stream().filter(i -> i.owner().equals(user)).toList();
        assertEquals(1, mine.size(), "one record per image");
        assertEquals(List.of("CUDA"), mine.get(0).tags(), "the tags chosen replace the record's");
        assertEquals(1, mine.get(0).archs().size(), "the image's own platform: " + mine.get(0).archs());
        assertTrue(mine.get(0).archs().get(0).startsWith("linux/"), mine.get(0).archs().toString());
        assertTrue(platform.requests("POST", "/api/v1/images/image").isEmpty(), "updated, not imported again");
        robot.click("#nextButton");
        assertEquals(wizard.text("done.updated"), robot.label("#importedLabel"));
    }

    /** Issue 15, item 1: Done without an import offered neither the one-click import nor Back. */
    @Test
    void doneOffersTheOneClickImportWhenItWasPassedBy(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String link = pushAndPassTheImportBy(robot);
        // The one click is what is left to do.
        robot.waitUntil(5, () -> "doneImportButton".equals(robot.focusedId()));
        assertTrue(robot.mainAction("#doneImportButton"));
        assertFalse(robot.mainAction("#nextButton"), "Close is not the main action before the import");

        robot.click("#doneImportButton");
        robot.waitUntil(30, () -> robot.label("#importedLabel").equals(wizard.text("done.imported")));
        assertTrue(platform.images().stream().anyMatch(i -> i.owner().equals(user) && i.link().equals(link)),
                "the platform lists the image");
        assertFalse(robot.visible("#doneImportRow"), "nothing left to import");
        assertTrue(robot.mainAction("#nextButton"));
        assertEquals(List.of("✓", "✓", "✓", "✓", "✓", "6"), robot.stepCircles());
        assertFalse(robot.visible("#backButton"));
    }

    @Test
    void signOutForgetsTheKeptSessionSoTheNextStartDoesNotResumeIt(FxRobot fx) throws Exception {
        // Issue 13, item 3: the wizard had no sign-out; "stay signed in" could only be undone by hand.
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, PLATFORM_PASSWORD, true);
        robot.waitUntil(30, () -> fx.lookup(wizard.text("credentials.platform.reset")).tryQuery().isPresent());
        robot.clickDialogButton(wizard.text("button.cancel"));
        Path sessions = wizard.appConfig.resolve("platform-sessions.json");
        assertTrue(Files.readString(sessions).contains(user), "stay signed in kept it");
        assertTrue(robot.visible("#platformSignOut"));

        robot.click("#platformSignOut");

        robot.waitUntil(10, () -> !Files.exists(sessions));
        robot.waitForVisible(10, "#pasteFeedback");
        assertEquals(wizard.text("credentials.platform.signedOut"), robot.label("#pasteFeedback"));
        assertEquals(wizard.text("credentials.platform.signIn"), robot.read(() -> fx.lookup("#platformLink").queryLabeled().getText()));
        assertFalse(robot.visible("#platformSignOut"));
    }

    @Test
    void aWrongPlatformPasswordIsShownInTheDialogAndKeepsTheFields(FxRobot fx) {
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, "not-the-password", false);
        robot.waitForVisible(30, "#platformProblem");
        assertEquals(wizard.translator().text(ProblemType.PLATFORM_WRONG_PASSWORD.title()),
                robot.label("#platformProblem .problem-title"));
        assertEquals(user, robot.text("#platformUsername"));
        robot.clickDialogButton(wizard.text("button.cancel"));
        assertEquals("", robot.text("#passwordField"), "nothing was fetched");
        assertEquals(Step.CREDENTIALS, robot.read(() -> wizard.window.shell().current()));
    }

    @Test
    void theKindsOfAccountAreAskedOncePerAddressTyped(FxRobot fx) {
        // Issue 14's mends: leaving the address field asked /api/auth/mode each time, even unchanged.
        WizardRobot robot = new WizardRobot(fx);
        robot.click("#platformLink");
        robot.waitForVisible(30, "#platformMethodLdap");
        for (int leave = 0; leave < 2; leave++) {
            robot.click("#platformAddress");
            robot.click("#platformUsername");
        }
        // Another address (the same server, written with a slash) is asked: its request, once
        // counted, comes after any that the unchanged address would have sent.
        robot.replaceText("#platformAddress", platform.address() + "/");
        robot.click("#platformUsername");
        robot.waitUntil(30, () -> platform.requests("GET", "/api/auth/mode").size() >= 2);
        assertEquals(2, platform.requests("GET", "/api/auth/mode").size(), "once on opening, once for the new address");
        robot.clickDialogButton(wizard.text("button.cancel"));
    }

    @Test
    void anExpiredTokenIsRefreshedWithoutTheUserNoticing(FxRobot fx) throws Exception {
        // backend/pkg/config/token.go: access tokens expire; frontend/src/services/client.ts refreshes
        // on HTTP 401 with code 40101 and retries once.
        platform.accessTokenLifetime(Duration.ofSeconds(1));
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, PLATFORM_PASSWORD, false);
        robot.waitUntil(10, () -> fx.lookup(wizard.text("credentials.platform.reset")).tryQuery().isPresent());
        Thread.sleep(1500);
        robot.clickDialogButton(wizard.text("credentials.platform.reset"));
        robot.waitUntil(30, () -> robot.text("#passwordField").length() == 20);
        assertEquals(1, platform.requests("POST", "/api/auth/refresh").size(), "refreshed once");
    }

    @Test
    void aProjectTooSmallForTheImageStopsBeforeThePush(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, PLATFORM_PASSWORD, false);
        fetchCredentials(robot);
        Credential fetched = new Credential(user, robot.text("#passwordField"));
        // Harbor's project summary: 1 MB limit, nothing used (the image is 6 MB).
        platform.harbor().project("user-" + user, user, 1_000_000, 0);
        loginAndChooseImage(robot);
        robot.click("#nextButton");
        robot.waitForVisible(30, "#tagProblem");
        assertEquals(wizard.translator().text(ProblemType.QUOTA_TOO_SMALL.title()), robot.label("#tagProblem .problem-title"));
        assertTrue(robot.visible("#pushAnywayButton"));
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()));
        String repository = robot.text("#repositoryField");
        assertEquals(Optional.empty(), RegistryManifests.digest(stack.registry(), "user-" + user + "/" + repository, "1", fetched),
                "nothing was pushed");
    }

    @Test
    void anExistingTagAsksBeforeItIsReplaced(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        signIn(robot, PLATFORM_PASSWORD, false);
        fetchCredentials(robot);
        pushThroughTheWizard(robot);

        robot.click("#backButton");
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()));
        robot.click("#nextButton");
        robot.waitUntil(30, () -> fx.lookup(wizard.text("tag.exists.keep")).tryQuery().isPresent());
        robot.clickDialogButton(wizard.text("tag.exists.keep"));
        assertEquals(Step.TAG, robot.read(() -> wizard.window.shell().current()), "keeping the tag stays to change it");
        assertEquals("tagField", robot.focusedId());

        robot.click("#nextButton");
        robot.waitUntil(30, () -> fx.lookup(wizard.text("tag.exists.overwrite")).tryQuery().isPresent());
        robot.clickDialogButton(wizard.text("tag.exists.overwrite"));
        robot.waitForVisible(120, "#resultBox");
    }

    /**
     * Issue 15, item 13: the push is recorded by the flow (PushStep) and the list of earlier
     * uploads, opened from Done, shows it not imported; Import there imports it through the same
     * flow as the import step (ImportStep, confirmed by the platform's list: image.go) and the row
     * then says so. Done also opens the platform's image list and the guide's common problems,
     * each with its address to copy for a desktop without a browser (issue 15, item 10).
     */
    @Test
    void theEarlierUploadsListThePushAndImportItInOneClick(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        String link = pushAndPassTheImportBy(robot);

        robot.click("#doneOpenPlatform");
        String imagesPage = platform.address() + "/portal/env/images";
        assertEquals(imagesPage, wizard.opened.get(wizard.opened.size() - 1));
        assertEquals(imagesPage, robot.text("#donePlatformOpenedAddress"), "the address to copy when no browser opens");
        robot.click("#faqLink");
        assertEquals(Guide.commonProblems(Language.ENGLISH), wizard.opened.get(wizard.opened.size() - 1));

        robot.click("#earlierUploadsLink");
        String row = Integer.toHexString(link.hashCode());
        robot.waitForVisible(10, "#uploadStatus-" + row);
        assertEquals(link, robot.label("#uploadLink-" + row));
        assertEquals(wizard.text("history.notImported"), robot.label("#uploadStatus-" + row));
        assertFalse(robot.visible("#historySignedOut"), "signed in: nothing to say about the platform");
        // The keyboard starts on the newest upload.
        robot.waitUntil(10, () -> ("uploadCopy-" + row).equals(dialogFocus(robot)));

        robot.click("#uploadImport-" + row);
        robot.waitUntil(30, () -> robot.label("#uploadStatus-" + row).equals(wizard.text("history.imported")));
        assertFalse(robot.visible("#uploadImport-" + row), "imported: nothing left to import");
        assertTrue(platform.images().stream().anyMatch(i -> i.owner().equals(user) && i.link().equals(link)),
                "the platform lists the image");
        fx.type(KeyCode.ESCAPE);
        robot.waitUntil(10, () -> fx.lookup("#historyDialog").tryQuery().isEmpty());
        assertEquals(wizard.text("done.imported"), robot.label("#importedLabel"), "Done knows its image is imported now");
        assertEquals(List.of("✓", "✓", "✓", "✓", "✓", "6"), robot.stepCircles());
    }

    /**
     * Issue 15, item 13: without a platform session the list says so, and Import asks for the
     * sign-in the import step offers (PlatformSignIn), then imports. The earlier upload here is one
     * a run before recorded (the flow's file, settings.UploadHistory).
     */
    @Test
    void anEarlierUploadImportsAfterTheSignInTheListOffers(FxRobot fx) {
        String link = stack.harbor() + "/user-" + user + "/earlier:v1";
        new UploadHistory(wizard.appConfig).recordPush("earlier:v1", link, "sha256:" + "d".repeat(64), Instant.now());
        WizardRobot robot = new WizardRobot(fx);
        robot.click("#earlierUploadsLink");
        String row = Integer.toHexString(link.hashCode());
        robot.waitForVisible(10, "#uploadStatus-" + row);
        assertTrue(robot.visible("#historySignedOut"), "says that Import needs the platform");

        robot.click("#uploadImport-" + row);
        robot.waitUntil(10, () -> fx.lookup("#platformUsername").tryQuery().isPresent());
        robot.replaceText("#platformUsername", user);
        fx.clickOn("#platformPassword").write(PLATFORM_PASSWORD);
        robot.click("#platformSignInButton");
        robot.waitUntil(30, () -> robot.label("#uploadStatus-" + row).equals(wizard.text("history.imported")));
        assertFalse(robot.visible("#historySignedOut"));
        assertTrue(platform.images().stream().anyMatch(i -> i.owner().equals(user) && i.link().equals(link)));
        assertEquals("earlier:v1", platform.images().get(platform.images().size() - 1).description(),
                "the description the wizard proposes: repository and tag");
    }

    private String dialogFocus(WizardRobot robot) {
        return robot.read(() -> {
            Node focused = robot.fx().lookup("#historyDialog").query().getScene().getFocusOwner();
            return focused == null ? null : focused.getId();
        });
    }

    private void signIn(WizardRobot robot, String password, boolean stayIn) {
        robot.click("#platformLink");
        robot.waitUntil(10, () -> robot.fx().lookup("#platformUsername").tryQuery().isPresent());
        robot.replaceText("#platformUsername", user);
        robot.fx().clickOn("#platformPassword").write(password);
        if (stayIn) {
            robot.click("#platformStayIn");
        }
        robot.click("#platformSignInButton");
    }

    /** Confirms the reset the platform's credential endpoint makes, and waits for the new login. */
    private void fetchCredentials(WizardRobot robot) {
        robot.waitUntil(30, () -> robot.fx().lookup(wizard.text("credentials.platform.reset")).tryQuery().isPresent());
        robot.clickDialogButton(wizard.text("credentials.platform.reset"));
        robot.waitUntil(30, () -> robot.text("#passwordField").length() == 20);
    }

    private void loginAndChooseImage(WizardRobot robot) {
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        robot.click("#nextButton");
        robot.chooseImage(image);
    }

    /** Signed in, credentials from the platform, pushed, and on to Done without the import; the link pushed. */
    private String pushAndPassTheImportBy(WizardRobot robot) {
        signIn(robot, PLATFORM_PASSWORD, false);
        fetchCredentials(robot);
        String link = pushThroughTheWizard(robot);
        robot.click("#nextButton");
        robot.click("#nextButton");
        assertEquals(Step.DONE, robot.read(() -> wizard.window.shell().current()));
        return link;
    }

    /** From a filled credentials step to a finished push; the link pushed. */
    private String pushThroughTheWizard(WizardRobot robot) {
        loginAndChooseImage(robot);
        String link = robot.text("#linkField");
        robot.click("#nextButton");
        robot.waitForVisible(120, "#resultBox");
        return link;
    }
}
