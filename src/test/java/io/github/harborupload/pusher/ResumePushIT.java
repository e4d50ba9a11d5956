package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.StackControl;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause and resume of the project's own push (issue 19) through the stack's Harbor look-alike
 * (token auth, the streaming nginx gateway, whose request log counts the bytes each PATCH carried).
 */
class ResumePushIT {

    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private static DockerEngine engine;
    private static StackImages images;
    private static Credential login;
    private static String image;

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
        // Random bytes: compressed, each layer is as big as it is, so the bytes sent can be counted.
        image = images.buildLayers(TestStack.uniqueRepository("local/resume-push"), work, 40 * MIB, 40 * MIB);
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

    private static String repositoryPath(String name) {
        return "user-" + stack.user() + "/" + TestStack.uniqueRepository(name);
    }

    private PushJob start(Pusher pusher, String repository, PushProgress progress) throws Exception {
        return pusher.start(engine, harbor.gateway(), true, repository, "1", login, engine.inspect(image).id(), progress);
    }

    private long bytesPatched(String repository) {
        return faults.requests().stream()
                .filter(request -> request[0].equals("PATCH") && request[3].startsWith("/v2/" + repository + "/"))
                .mapToLong(request -> Long.parseLong(request[2])).sum();
    }

    @Test
    void aPausedPushKeepsItsStateAndTheSamePushGoesOnWithoutSendingAnyChunkTwice() throws Exception {
        String repository = repositoryPath("resume/pause");
        ImageDetails details = engine.inspect(image);
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            PushProgress first = new PushProgress(details.size());
            PushJob job = start(pusher, repository, first);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (first.snapshot().bytesDone() == 0 && !job.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(job.isDone(), "still running once the first chunk is confirmed");
            job.pause();
            CompletionException ended = assertThrows(CompletionException.class,
                    () -> job.completion().toCompletableFuture().orTimeout(1, TimeUnit.MINUTES).join());
            assertInstanceOf(PushPausedException.class, ended.getCause());

            // issue 19: the state holds no secret; the session URL is the registry's own.
            Path state = stateFile();
            String saved = Files.readString(state, StandardCharsets.UTF_8);
            assertTrue(saved.contains("\"session\""), saved);
            assertFalse(saved.contains(stack.password()), "the password is not in the state");
            assertFalse(saved.toLowerCase().contains("bearer") || saved.toLowerCase().contains("authorization"), saved);
            long beforeResume = bytesPatched(repository);
            assertTrue(beforeResume > 0 && beforeResume < 80 * MIB, "sent before the pause: " + beforeResume);

            PushProgress second = new PushProgress(details.size());
            start(pusher, repository, second).completion().toCompletableFuture().orTimeout(3, TimeUnit.MINUTES).join();

            assertTrue(second.snapshot().isSucceeded());
            PulledImage.verify(harbor.gateway(), repository, "1", login, details.id(), details.diffIds());
            // A pause lets the chunk in flight finish, and a layer compressed again repeats the bytes
            // the registry holds (the parallel gzip is deterministic), so its session goes on: nothing
            // is sent twice. The two layers (random bytes, a few KiB of gzip framing), the config.
            long total = bytesPatched(repository);
            assertTrue(total < 81 * MIB, "bytes patched over both runs: " + total);
            assertFalse(Files.exists(state.getParent()), "the spool and state go once the push succeeded");
        }
    }

    @Test
    void aRegistryRestartedWhilePausedIsAskedAgainAndThePushFinishes() throws Exception {
        // issue 19: after a restart the saved session is asked for its status; where the registry
        // dropped it (distribution signs _state with a secret of its own), a new one is fed from the spool.
        String repository = repositoryPath("resume/restart");
        ImageDetails details = engine.inspect(image);
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            PushProgress first = new PushProgress(details.size());
            PushJob job = start(pusher, repository, first);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (first.snapshot().bytesDone() == 0 && !job.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            job.pause();
            assertThrows(CompletionException.class,
                    () -> job.completion().toCompletableFuture().orTimeout(1, TimeUnit.MINUTES).join());
            long beforeRestart = bytesPatched(repository);
            StackControl control = new StackControl(stack);
            try {
                control.kill(StackControl.Component.TOKEN_REGISTRY);
            } finally {
                control.startAll();
            }

            start(pusher, repository, new PushProgress(details.size()))
                    .completion().toCompletableFuture().orTimeout(3, TimeUnit.MINUTES).join();

            PulledImage.verify(harbor.gateway(), repository, "1", login, details.id(), details.diffIds());
            // At worst every byte the registry held before its restart is sent once more, never more.
            long total = bytesPatched(repository);
            assertTrue(total < beforeRestart + 81 * MIB, "bytes patched: " + total + ", before the restart " + beforeRestart);
        }
    }

    @Test
    void aDamagedStateIsSetAsideAndThePushStartsClean() throws Exception {
        String repository = repositoryPath("resume/damaged");
        ImageDetails details = engine.inspect(image);
        PushState.Target target = new PushState.Target(harbor.gateway(), repository, "1", details.id());
        Path folder = cache.resolve("spool").resolve(target.key());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(PushState.FILE), "{\"version\":1,\"layers\":[{\"entry\":");
        PushProgress progress = new PushProgress(details.size());
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            start(pusher, repository, progress)
                    .completion().toCompletableFuture().orTimeout(3, TimeUnit.MINUTES).join();
        }
        assertTrue(progress.snapshot().stateSetAside(), "the faces say why the push started clean");
        PulledImage.verify(harbor.gateway(), repository, "1", login, details.id(), details.diffIds());
        assertFalse(Files.exists(folder));
    }

    private Path stateFile() throws IOException {
        try (Stream<Path> files = Files.walk(cache.resolve("spool"))) {
            List<Path> states = files.filter(file -> file.getFileName().toString().equals(PushState.FILE)).toList();
            assertEquals(1, states.size(), states.toString());
            return states.get(0);
        }
    }
}
