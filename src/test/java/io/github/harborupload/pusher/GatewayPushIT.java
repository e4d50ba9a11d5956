package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own push through the stack's Harbor look-alike: distribution 2.8 with Harbor's token
 * auth (5 s tokens), behind nginx gateways as campus proxies and ingresses are set up (3 s read
 * timeout, 32 MiB body limit), with commits that take 6 s as on object storage (scripts/stack.sh).
 * docker push fails behind the same gateway (docker/GatewayFaultsIT); this push must not: every
 * blob committed once, the image checked as a pull sees it.
 */
class GatewayPushIT {

    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private static DockerEngine engine;
    private static StackImages images;
    private static Credential login;
    private static String gigabyte;
    private static String forCut;
    private static String forUnavailable;

    private final GatewayFaults faults = new GatewayFaults(stack);

    @TempDir
    Path cache;

    @BeforeAll
    static void setUp(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
        images = new StackImages(stack);
        login = new Credential(stack.user(), stack.password());
        gigabyte = images.buildLayers(TestStack.uniqueRepository("local/gateway-push-1g"),
                Files.createDirectory(work.resolve("1g")), 1 << 30);
        forCut = images.buildLayers(TestStack.uniqueRepository("local/gateway-push-cut"),
                Files.createDirectory(work.resolve("cut")), 24 * MIB, MIB);
        forUnavailable = images.buildLayers(TestStack.uniqueRepository("local/gateway-push-503"),
                Files.createDirectory(work.resolve("503")), 12 * MIB, 12 * MIB, 12 * MIB);
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

    /** {@code user-testuser/…}: the only project Harbor's token service lets testuser push to. */
    private static String repositoryPath(String name) {
        return "user-" + stack.user() + "/" + TestStack.uniqueRepository(name);
    }

    private PushResult push(Pusher pusher, String gateway, String image, String repository, PushProgress progress)
            throws Exception {
        PushJob job = pusher.start(engine, gateway, true, repository, "1", login, engine.inspect(image).id(), progress);
        return job.completion().toCompletableFuture().orTimeout(5, TimeUnit.MINUTES).join();
    }

    private void assertPushedOnceAndPullable(String gateway, String repository, String image) throws Exception {
        ImageDetails details = engine.inspect(image);
        PulledImage.verify(gateway, repository, "1", login, details.id(), details.diffIds());
        Map<String, Integer> commits = faults.commitsIn(repository);
        assertEquals(details.diffIds().size() + 1, commits.size(), "the layers and the config: " + commits);
        commits.forEach((digest, times) -> assertEquals(1, times, digest + " committed " + times + " times"));
    }

    private long tokenRequests() {
        return faults.requests().stream().filter(request -> request[3].startsWith("/service/token")).count();
    }

    @Test
    void theFiveLayerImageAndAGigabyteLayerPassTheHostileGatewayEachCommittedOnce() throws Exception {
        // The case: 6 s commits behind a 3 s read timeout, a 32 MiB body limit, 5 s tokens.
        faults.delayCommits(Duration.ofSeconds(6));
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            for (String image : List.of(stack.fiveLayerImage(), gigabyte)) {
                String repository = repositoryPath("gateway-push/hostile");
                long tokensBefore = tokenRequests();
                PushProgress progress = new PushProgress(-1);

                push(pusher, harbor.gateway(), image, repository, progress);

                assertTrue(progress.snapshot().isSucceeded());
                // Every commit outlasted the gateway's timeout, so each layer was found by HEAD and
                // passed up for the faces' note (Problems.ofLayersStoredAfterGatewayTimeout).
                assertFalse(progress.snapshot().storedAfterGatewayTimeout().isEmpty());
                assertPushedOnceAndPullable(harbor.gateway(), repository, image);
                // A push of several 6 s commits outlives a 5 s token: it was renewed, never refused.
                assertTrue(tokenRequests() - tokensBefore > 1, "tokens asked for: " + (tokenRequests() - tokensBefore));
            }
        }
    }

    @Test
    void aConnectionCutInsideAChunkCostsANewSessionNotTheRestOfThePush() throws Exception {
        String repository = repositoryPath("gateway-push/cut");
        // distribution 2.8 keeps a cut PATCH's partial bytes and then refuses the session's offset
        // (registry/handlers/blobupload.go): the layer starts again in a new session, from the spool.
        faults.cutNextPatchAfter(5 * MIB);
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            push(pusher, harbor.gateway(), forCut, repository, new PushProgress(-1));
        }
        assertFalse(faults.cutArmed(), "the cut happened");
        assertPushedOnceAndPullable(harbor.gateway(), repository, forCut);
        long patched = faults.requests().stream()
                .filter(request -> request[0].equals("PATCH") && request[3].startsWith("/v2/" + repository + "/"))
                .mapToLong(request -> Long.parseLong(request[2])).sum();
        // Sent again: at most what went before the cut, which is less than one chunk.
        assertTrue(patched <= 25 * MIB + 5 * MIB + 64 * 1024, "bytes patched: " + patched);
    }

    @Test
    void harborUnavailableForAFewSecondsIsWaitedOut() throws Exception {
        String repository = repositoryPath("gateway-push/unavailable");
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            PushProgress progress = new PushProgress(-1);
            PushJob job = pusher.start(engine, harbor.gateway(), true, repository, "1", login,
                    engine.inspect(forUnavailable).id(), progress);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (progress.snapshot().bytesDone() == 0 && !job.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            faults.unavailable(true);
            Thread.sleep(4000);
            faults.unavailable(false);
            job.completion().toCompletableFuture().orTimeout(3, TimeUnit.MINUTES).join();
        }
        assertPushedOnceAndPullable(harbor.gateway(), repository, forUnavailable);
    }

    @Test
    void aGatewayThatBuffersRequestsIsPassedInChunks() throws Exception {
        // ingress-nginx buffers request bodies by default; chunks of 16 MiB pass it as they are.
        String repository = repositoryPath("gateway-push/buffering");
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            push(pusher, harbor.bufferingGateway(), forUnavailable, repository, new PushProgress(-1));
        }
        assertPushedOnceAndPullable(harbor.bufferingGateway(), repository, forUnavailable);
    }
}
