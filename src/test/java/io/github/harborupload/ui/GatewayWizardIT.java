package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * The real wizard pushing through the stack's hostile gateway in front of Harbor's token registry
 * (3 s read timeout, 32 MiB body limit, 5 s tokens, commits held 6 s as on object storage:
 * scripts/stack.sh), where docker's push fails (docker/GatewayFaultsIT): the wizard's own push gets
 * the five-layer image and a 1 GiB layer through, each blob committed once, pulled back whole.
 */
@ExtendWith(ApplicationExtension.class)
class GatewayWizardIT {

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private static StackImages images;
    private static String gigabyte;

    @TempDir
    Path dir;
    private WizardFixture wizard;
    private final GatewayFaults faults = new GatewayFaults(TestStack.require());

    @BeforeAll
    static void buildImages(@TempDir Path work) throws Exception {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
        images = new StackImages(stack);
        gigabyte = images.buildLayers(TestStack.uniqueRepository("local/wizard-gateway-1g"),
                Files.createDirectory(work.resolve("1g")), 1 << 30);
    }

    @AfterAll
    static void removeImages() throws Exception {
        if (images != null) {
            images.close();
        }
    }

    @Start
    void start(Stage stage) {
        wizard = new WizardFixture(TestStack.require(), dir, Language.ENGLISH, harbor.gateway(), "https://gpu.act.buaa.edu.cn");
        wizard.open(stage);
    }

    @AfterEach
    void stop(FxRobot robot) {
        faults.close();
        robot.interact(() -> wizard.window.shutDown());
    }

    @Test
    void theFiveLayerImageAndAGigabyteLayerPassTheHostileGateway(FxRobot fx) throws Exception {
        faults.delayCommits(Duration.ofSeconds(6));
        WizardRobot robot = new WizardRobot(fx);
        robot.paste(WizardFixture.credentialDialog(harbor.gateway(), stack.user(), stack.password()));
        robot.click("#nextButton");
        robot.waitForVisible(60, "#loginSucceeded");
        robot.click("#nextButton");
        for (String image : new String[] {stack.fiveLayerImage(), gigabyte}) {
            robot.chooseImage(image);
            robot.replaceText("#repositoryField", TestStack.uniqueRepository("wizard-gateway"));
            String repository = "user-" + stack.user() + "/" + robot.text("#repositoryField");
            images.removeLater(harbor.gateway() + "/" + repository + ":" + robot.text("#tagField"));
            String tag = robot.text("#tagField");
            robot.click("#nextButton");
            robot.waitForVisible(300, "#resultBox");
            // Every commit outlasted the gateway: the push succeeded, and the result carries the
            // administrator's note (Problems.ofLayersStoredAfterGatewayTimeout).
            robot.waitForVisible(10, "#gatewayNote");
            String note = robot.label("#gatewayNote");
            assertTrue(note.startsWith(wizard.translator().text(ProblemType.GATEWAY_TIMEOUT_LAYER_STORED.title())), note);

            try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
                ImageDetails details = engine.inspect(image);
                PulledImage.verify(harbor.gateway(), repository, tag, new Credential(stack.user(), stack.password()),
                        details.id(), details.diffIds());
                Map<String, Integer> commits = faults.commitsIn(repository);
                assertEquals(details.diffIds().size() + 1, commits.size(), "the layers and the config: " + commits);
                commits.forEach((digest, times) -> assertEquals(1, times, digest + " committed " + times + " times"));
            }
            robot.click("#backButton"); // back to the tag step for the next image
        }
    }
}
