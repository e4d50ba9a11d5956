package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harbor-upload push} through the stack's hostile gateway in front of Harbor's token registry
 * (3 s read timeout, 32 MiB body limit, 5 s tokens; commits held 6 s as on object storage:
 * scripts/stack.sh). By default the command pushes by itself and gets through; with
 * {@code --via engine} docker's push fails, and the problem names the gateway, not the network.
 */
class GatewayCliIT {

    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private static StackImages images;
    private static String small;

    @TempDir
    Path dir;
    private CliRunner cli;
    private GatewayFaults faults;

    @BeforeAll
    static void buildImages(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
        images = new StackImages(stack);
        small = images.buildLayers(TestStack.uniqueRepository("local/gateway-cli"),
                Files.createDirectory(work.resolve("small")), MIB, 2 * MIB);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (images != null) {
            images.close();
        }
    }

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir, stack.dockerHost());
        faults = new GatewayFaults(stack);
        faults.delayCommits(Duration.ofSeconds(6));
        CliRunner.Result login = cli.runWithInput(stack.password() + "\n",
                "login", "--registry", harbor.gateway(), "--username", stack.user(), "--password-stdin");
        assertEquals(0, login.exit(), login.all());
    }

    @AfterEach
    void clearFaults() {
        faults.close();
    }

    private String target(String path) {
        images.removeLater(harbor.gateway() + "/" + path + ":1");
        return harbor.gateway() + "/" + path + ":1";
    }

    @Test
    void theFiveLayerImagePassesTheGatewayEachLayerCommittedOnce() throws Exception {
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("gateway-cli/own");
        CliRunner.Result push = cli.run("push", stack.fiveLayerImage(), "--target", target(path), "--json");

        assertEquals(0, push.exit(), push.all());
        // Every commit outlasted the gateway: the push succeeds, and at its end the administrator's
        // note (Problems.ofLayersStoredAfterGatewayTimeout) goes to standard error, beside the JSON.
        assertTrue(push.err().contains("Layer stored despite a gateway timeout"), push.err());
        assertTrue(push.out().strip().startsWith("{\"target\""), push.out());
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            ImageDetails image = engine.inspect(stack.fiveLayerImage());
            PulledImage.verify(harbor.gateway(), path, "1", new Credential(stack.user(), stack.password()),
                    image.id(), image.diffIds());
        }
        Map<String, Integer> commits = faults.commitsIn(path);
        assertEquals(6, commits.size(), "five layers and the config: " + commits);
        commits.forEach((digest, times) -> assertEquals(1, times, digest));
    }

    @Test
    void dockersOwnPushFailsThereAndTheProblemNamesTheGateway() {
        // dockerd waits 5, 10, 15, 20 s between its attempts (distribution/xfer/upload.go): about a minute.
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("gateway-cli/engine");
        CliRunner.Result push = cli.run("push", small, "--target", target(path), "--via", "engine");

        assertEquals(ExitCode.NETWORK.code(), push.exit(), push.all());
        assertTrue(push.err().contains("Harbor's gateway stopped waiting"), push.err());
        assertTrue(!push.err().contains("Cannot reach Harbor"), push.err());
    }
}
