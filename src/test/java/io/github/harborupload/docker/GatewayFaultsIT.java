package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.testsupport.GatewayFaults;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker push} (through the project's {@link DockerEngine}) to Harbor's token registry behind
 * the stack's hostile gateway: 3 s read timeout, 32 MiB body limit (scripts/stack.sh, measured in
 * the project's notes on pushing). These failures are why the project has a pusher of its own
 * (issue 17), so they stay in the suite.
 *
 * <p>Slow on purpose: the timeout case waits out dockerd's own retries (5 attempts, 5+10+15+20 s
 * apart, distribution/xfer/upload.go), about 70 s. Keep such tests few.
 */
class GatewayFaultsIT {

    private static final Duration HANG_GUARD = Duration.ofSeconds(240);
    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private static DockerEngine engine;
    private static StackImages images;
    /** Layers the registry has never seen, one image per test, so each push really uploads. */
    private static String unseenSmall;
    private static String unseenForTimeout;
    private static String unseenBig;

    private final GatewayFaults faults = new GatewayFaults(stack);

    @BeforeAll
    static void setUp(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
        images = new StackImages(stack);
        unseenSmall = images.buildLayers(TestStack.uniqueRepository("local/gateway-it-small"),
                Files.createDirectory(work.resolve("small")), MIB, 2 * MIB);
        unseenForTimeout = images.buildLayers(TestStack.uniqueRepository("local/gateway-it-timeout"),
                Files.createDirectory(work.resolve("timeout")), MIB, 2 * MIB);
        // Random bytes do not shrink under gzip: one 40 MiB layer is a PATCH over the 32 MiB limit.
        unseenBig = images.buildLayers(TestStack.uniqueRepository("local/gateway-it-big"),
                Files.createDirectory(work.resolve("big")), 40 * MIB);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (images != null) {
            images.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @AfterEach
    void clearFaults() {
        faults.close();
    }

    /** {@code user-testuser/gateway-it-…}: the only project the token service lets testuser push to. */
    private static String repositoryPath(String name) {
        return "user-" + stack.user() + "/" + TestStack.uniqueRepository(name);
    }

    /** {@code image} tagged as {@code gateway/path:1}. */
    private static String taggedThroughGateway(String path, String image) {
        String repository = harbor.gateway() + "/" + path;
        images.removeLater(repository + ":1");
        engine.tag(image, repository, "1");
        return repository;
    }

    private static PushOperation push(String repository) {
        return engine.push(repository, "1", new Credential(stack.user(), stack.password()), new PushRecorder());
    }

    @Test
    void withoutFaultsDockerPushesThroughTheGatewayWithHarborsTokensAndCommitsEachBlobOnce() {
        String path = repositoryPath("gateway-it/plain");
        String repository = taggedThroughGateway(path, unseenSmall);

        PushResult result = assertTimeoutPreemptively(HANG_GUARD, () -> push(repository).await());

        assertTrue(result.digest().matches("sha256:[0-9a-f]{64}"), result.digest());
        // Two layers and the config, each stored once (the stand-in's log of the registry's 201s).
        Map<String, Integer> commits = faults.commitsIn(path);
        assertEquals(3, commits.size(), "blobs committed: " + commits);
        commits.forEach((digest, times) -> assertEquals(1, times, digest));
    }

    @Test
    void commitsSlowerThanTheGatewaysReadTimeoutMakeDockerResendStoredLayersAndFailWith504() {
        String path = repositoryPath("gateway-it/timeout");
        String repository = taggedThroughGateway(path, unseenForTimeout);
        // Harbor on object storage moving a committed layer: 6 s, past nginx's proxy_read_timeout 3s.
        faults.delayCommits(Duration.ofSeconds(6));

        PushFailedException failure = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(PushFailedException.class, push(repository)::await));

        // dockerd's words (registry-push.md: measured with the same gateway).
        assertTrue(failure.getMessage().contains("received unexpected HTTP status: 504 Gateway Time-out"),
                failure.getMessage());
        // The layers were stored every time, and docker sent them again anyway.
        Map<String, Integer> commits = faults.commitsIn(path);
        assertEquals(2, commits.size(), "layers committed: " + commits);
        commits.forEach((digest, times) -> assertTrue(times > 1, digest + " committed " + times + " times"));
        // The registry was reached: not "cannot reach Harbor" (issue 17).
        assertEquals(ProblemType.GATEWAY_TIMEOUT_AFTER_UPLOAD, Problems.of(failure).type());
    }

    @Test
    void aLayerOverTheGatewaysBodyLimitFailsAtOnceWith413() {
        String path = repositoryPath("gateway-it/body-limit");
        String repository = taggedThroughGateway(path, unseenBig);

        PushFailedException failure = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(PushFailedException.class, push(repository)::await));

        // docker sends a layer in one PATCH; nginx's client_max_body_size 32m answers 413.
        assertTrue(failure.getMessage().contains("413"), failure.getMessage());
        assertEquals(Map.of(), faults.commitsIn(path), "nothing was stored");
        assertEquals(ProblemType.PROXY_BODY_TOO_LARGE, Problems.of(failure).type());
    }
}
