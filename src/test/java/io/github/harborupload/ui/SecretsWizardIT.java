package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.RecordedRequest;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.CapturedOutput;
import io.github.harborupload.testsupport.SecretSearch;
import io.github.harborupload.testsupport.SecretSearch.Hit;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * The whole path through the real wizard with sentinel secrets (a Harbor password, a wrong one, a
 * platform password, and the platform's tokens), then a search for them in every file the wizard
 * wrote, the stack's logs, new files in /tmp and the home folder, everything printed, and all the
 * text of the windows at each step. Allowed: the Harbor login in config.json's {@code auths} (the
 * user stored it there, as {@code docker login} does) and the tokens in the platform session file
 * (the user chose "stay signed in"). Screenshots are not read by OCR: the windows' text is read
 * from the scene instead.
 */
@ExtendWith(ApplicationExtension.class)
class SecretsWizardIT {

    /** 20 characters of the platform's password alphabet, as the platform makes them. */
    static final String HARBOR_PASSWORD = "SentinelHarbor_01234";
    static final String WRONG_PASSWORD = "SentinelWrong_987654";
    static final String PLATFORM_PASSWORD = "SentinelPlatform-987";
    private static final Pattern TOKEN = Pattern.compile("\"(?:accessToken|refreshToken)\"\\s*:\\s*\"([^\"]+)\"");

    private static TestStack stack;
    private static StackImages images;
    private static String image;

    @TempDir
    Path dir;
    private final String user = "secret-" + Long.toHexString(System.nanoTime());
    private HtpasswdRegistry registry;
    private FakePlatform platform;
    private WizardFixture wizard;
    private CapturedOutput output;
    private Instant started;
    private final List<String> screens = new ArrayList<>();

    @BeforeAll
    static void buildImage(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        images = new StackImages(stack);
        image = images.buildLayers(TestStack.uniqueRepository("local/secrets"), work, 1 << 20);
    }

    @AfterAll
    static void removeImage() throws IOException {
        if (images != null) {
            images.close();
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        TestStack stack = TestStack.require();
        started = Instant.now().minusSeconds(1);
        output = CapturedOutput.start();
        registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"), stack.harbor(),
                new Credential(stack.user(), stack.password()));
        registry.setPassword(user, HARBOR_PASSWORD);
        platform = FakePlatform.start(ServerVersion.CURRENT, registry, stack.harborApiPort()).user(user, PLATFORM_PASSWORD);
        wizard = new WizardFixture(stack, dir, Language.ENGLISH, stack.harbor(), platform.address().toString());
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        robot.interact(() -> wizard.window.shutDown());
        output.close();
        platform.close();
        registry.remove(user);
    }

    @Test
    void theSecretsOfTheWholePathAreOnlyWhereTheUserStoredThem(FxRobot fx) throws Exception {
        WizardRobot robot = new WizardRobot(fx);
        signInToThePlatformAndStay(robot);

        robot.paste(WizardFixture.credentialDialog(stack.harbor(), user, WRONG_PASSWORD));
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginProblem");
        assertEquals(wizard.translator().text(ProblemType.LOGIN_FAILED.title()), robot.label("#loginProblem .problem-title"));
        screen(robot, "a refused login");
        robot.click("#backButton");
        robot.waitUntil(10, () -> wizard.window.shell().current() == Step.CREDENTIALS);
        robot.click("#pasteArea");
        robot.paste(WizardFixture.credentialDialog(stack.harbor(), user, HARBOR_PASSWORD));
        screen(robot, "the credentials, pasted", "pasteArea");
        robot.click("#nextButton");
        robot.waitForVisible(30, "#loginSucceeded");
        screen(robot, "the login");
        robot.click("#nextButton");
        robot.chooseImage(image);
        String link = robot.text("#linkField");
        images.removeLater(link);
        screen(robot, "the tag step");
        robot.click("#nextButton");
        robot.waitForVisible(120, "#resultBox");
        screen(robot, "the push");
        robot.click("#nextButton");
        robot.click("#importButton");
        robot.waitForVisible(30, "#importedBanner");
        screen(robot, "the import");
        robot.click("#nextButton");
        assertEquals(Step.DONE, robot.read(() -> wizard.window.shell().current()));
        screen(robot, "the summary");
        fx.interact(() -> wizard.window.shutDown());

        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".log")).toList(), "no log file");
        }
        Set<String> tokens = tokens();
        assertTrue(tokens.size() >= 2, "the platform's tokens were used: " + tokens);
        List<String> passwords = List.of(HARBOR_PASSWORD, WRONG_PASSWORD, PLATFORM_PASSWORD);
        List<String> everySecret = new ArrayList<>(passwords);
        everySecret.addAll(tokens);
        SecretSearch search = new SecretSearch(everySecret);
        List<Hit> hits = new ArrayList<>();

        Path config = wizard.dockerConfig.resolve("config.json");
        Path sessions = wizard.appConfig.resolve("platform-sessions.json");
        assertTrue(Files.exists(sessions), "stay signed in kept the session");
        // The search finds what is where it may be: base64 in auths, the tokens in the session file.
        assertEquals(Set.of(config.toString()), hitPlaces(new SecretSearch(List.of(HARBOR_PASSWORD)).inFiles(dir)));
        assertEquals(Set.of(sessions.toString()), hitPlaces(new SecretSearch(List.copyOf(tokens)).inFiles(dir)));

        hits.addAll(search.in(config + " (but the stored login)", withoutStoredLogin(config)));
        hits.addAll(new SecretSearch(passwords).in(sessions.toString(), Files.readString(sessions)));
        for (Hit hit : search.inFiles(dir)) {
            if (!hit.where().equals(config.toString()) && !hit.where().equals(sessions.toString())) {
                hits.add(hit);
            }
        }
        hits.addAll(search.inFiles(stack.stackDir().resolve("dkr"), stack.stackDir().resolve("reg").resolve("registry.log"),
                stack.stackDir().resolve("ngx"), stack.stackDir().resolve("tls").resolve("registry.log")));
        hits.addAll(search.inFiles(Path.of(System.getProperty("java.io.tmpdir")), started, 1 << 20,
                Set.of(stack.stackDir(), dir)));
        Path home = Path.of(System.getProperty("user.home"));
        hits.addAll(search.inFiles(home, started, 1 << 20, Set.of(home.resolve(".m2"), home.resolve(".cache"))));
        hits.addAll(search.in("standard output and error (logs included)", output.text()));
        for (String screen : screens) {
            hits.addAll(search.in("the windows' text: " + screen.lines().findFirst().orElse(""), screen));
        }
        assertEquals(List.of(), hits);
    }

    private static Set<String> hitPlaces(List<Hit> hits) {
        Set<String> places = new LinkedHashSet<>();
        hits.forEach(hit -> places.add(hit.where()));
        return places;
    }

    /** Signs in with "stay signed in", and declines the password reset that follows. */
    private void signInToThePlatformAndStay(WizardRobot robot) {
        robot.click("#platformLink");
        robot.waitUntil(10, () -> robot.fx().lookup("#platformUsername").tryQuery().isPresent());
        robot.replaceText("#platformUsername", user);
        robot.fx().clickOn("#platformPassword").write(PLATFORM_PASSWORD);
        robot.click("#platformStayIn");
        screen(robot, "the platform sign-in, typed");
        robot.click("#platformSignInButton");
        robot.waitUntil(30, () -> robot.fx().lookup(wizard.text("credentials.platform.reset")).tryQuery().isPresent());
        screen(robot, "the reset warning");
        robot.clickDialogButton(wizard.text("button.cancel"));
    }

    /** Notes the windows' text now, for the search at the end. */
    private void screen(WizardRobot robot, String name, String... leftOut) {
        screens.add(name + "\n" + robot.read(() -> SceneText.of(leftOut)));
    }

    /** config.json without the one login the user stored, which must be exactly that login. */
    private String withoutStoredLogin(Path config) throws IOException {
        String text = Files.readString(config);
        JsonNode auth = new ObjectMapper().readTree(text).path("auths").path(stack.harbor()).path("auth");
        assertEquals(user + ":" + HARBOR_PASSWORD, new String(Base64.getDecoder().decode(auth.asText()), StandardCharsets.UTF_8));
        return text.replace(auth.asText(), "");
    }

    /** Every token the platform handed out that the wizard used or kept. */
    private Set<String> tokens() throws IOException {
        Set<String> tokens = new LinkedHashSet<>();
        for (RecordedRequest request : platform.requests()) {
            String authorization = request.header("authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                tokens.add(authorization.substring("Bearer ".length()));
            }
            Matcher token = TOKEN.matcher(request.body());
            while (token.find()) {
                tokens.add(token.group(1));
            }
        }
        Matcher kept = TOKEN.matcher(Files.readString(wizard.appConfig.resolve("platform-sessions.json")));
        while (kept.find()) {
            tokens.add(kept.group(1));
        }
        return tokens;
    }
}
