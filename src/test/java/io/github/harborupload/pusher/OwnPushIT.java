package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushOperation;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.gzip.GzipSettings;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.LayerState;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.registry.RegistrySettings;
import io.github.harborupload.registry.TrustRoots;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own push against the stack's real dockerd and distribution registry (basic auth,
 * plain http on loopback as docker speaks to it). Each pushed image is checked as a pull sees it
 * (PulledImage: config digest = image ID, every layer gunzips to its diff_id).
 */
class OwnPushIT {

    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static DockerEngine engine;
    private static StackImages images;
    private static Credential login;
    private static String unseen;
    private static String unseenForCancel;

    @TempDir
    Path cache;

    @BeforeAll
    static void setUp(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
        images = new StackImages(stack);
        login = new Credential(stack.user(), stack.password());
        unseen = images.buildRandom(TestStack.uniqueRepository("local/own-push"), 4, 6 * MIB,
                Files.createDirectory(work.resolve("unseen")));
        unseenForCancel = images.buildRandom(TestStack.uniqueRepository("local/own-push-cancel"), 3, 48 * MIB,
                Files.createDirectory(work.resolve("cancel")));
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

    private Pusher pusher() {
        return new Pusher(Map.of(), cache, cache);
    }

    private PushResult push(Pusher pusher, String image, String repository, String tag, PushProgress progress)
            throws Exception {
        PushJob job = pusher.start(engine, stack.registry(), true, repository, tag, login,
                engine.inspect(image).id(), progress);
        return job.completion().toCompletableFuture().orTimeout(3, TimeUnit.MINUTES).join();
    }

    @Test
    void anImageTheRegistryHasNeverSeenArrivesWholeAndPullsAsTheSameImage() throws Exception {
        ImageDetails image = engine.inspect(unseen);
        String repository = TestStack.uniqueRepository("user-testuser/own");
        PushProgress progress = new PushProgress(image.size());
        try (Pusher pusher = pusher()) {
            PushResult result = push(pusher, unseen, repository, "v1", progress);

            assertEquals(RegistryManifests.digest(stack.registry(), repository, "v1", login).orElseThrow(), result.digest(),
                    "the digest the registry serves for the tag");
            PulledImage.verify(stack.registry(), repository, "v1", login, image.id(), image.diffIds());
            PushSnapshot last = progress.snapshot();
            assertTrue(last.isSucceeded());
            assertEquals(1.0, last.fraction());
            assertEquals(image.diffIds().size(), last.layers().size(), "one row per layer");
            assertTrue(last.layers().stream().allMatch(layer -> layer.state() == LayerState.PUSHED), last.layers().toString());
            assertSpoolRemoved();
        }
    }

    @Test
    void aSecondTagOfTheSameImageExportsNothingAndSendsNoLayer() throws Exception {
        ImageDetails image = engine.inspect(stack.fiveLayerImage());
        String repository = TestStack.uniqueRepository("user-testuser/again");
        try (Pusher pusher = pusher()) {
            push(pusher, stack.fiveLayerImage(), repository, "first", new PushProgress(image.size()));
            PushProgress again = new PushProgress(image.size());
            push(pusher, stack.fiveLayerImage(), repository, "second", again);

            // Learnt from the repository's first tag: every layer is there, so no row ever compressed or sent.
            List<LayerSnapshot> layers = again.snapshot().layers();
            assertEquals(image.diffIds().size(), layers.size());
            assertTrue(layers.stream().allMatch(layer -> layer.state() == LayerState.ALREADY_EXISTS), layers.toString());
            assertEquals(0, again.snapshot().bytesDone());
            PulledImage.verify(stack.registry(), repository, "second", login, image.id(), image.diffIds());
        }
    }

    @Test
    void afterDockerPushedTheImageNoLayerIsSentAgain() throws Exception {
        // docker's own compression gives other digests than ours; the repository's manifests tell them.
        ImageDetails image = engine.inspect(stack.tinyImage());
        String repository = TestStack.uniqueRepository("user-testuser/after-docker");
        engine.tag(stack.tinyImage(), stack.registry() + "/" + repository, "docker");
        images.removeLater(stack.registry() + "/" + repository + ":docker");
        PushOperation dockerPush = engine.push(stack.registry() + "/" + repository, "docker", login, event -> { });
        dockerPush.await();
        try (Pusher pusher = pusher()) {
            PushProgress ours = new PushProgress(image.size());
            push(pusher, stack.tinyImage(), repository, "ours", ours);
            assertTrue(ours.snapshot().layers().stream().allMatch(layer -> layer.state() == LayerState.ALREADY_EXISTS),
                    ours.snapshot().layers().toString());
            List<String> docker = PulledImage.verify(stack.registry(), repository, "docker", login, image.id(), image.diffIds());
            List<String> again = PulledImage.verify(stack.registry(), repository, "ours", login, image.id(), image.diffIds());
            assertEquals(docker, again, "the layers docker compressed are reused as they are");
        }
    }

    @Test
    void anImagePushedBeforeGoesToANewRepositoryByMountsWithoutAnExport() throws Exception {
        // Issue 18, "nothing twice": the record of earlier pushes in the cache folder names repo1, so
        // repo2 gets every blob by a cross-repository mount (distribution's ?mount=&from=).
        ImageDetails image = engine.inspect(unseen);
        String first = TestStack.uniqueRepository("user-testuser/record-one");
        String second = TestStack.uniqueRepository("user-testuser/record-two");
        Instant start = Instant.now().minusSeconds(1); // the event log counts in whole seconds
        try (Pusher pusher = pusher()) {
            push(pusher, unseen, first, "v1", new PushProgress(image.size()));
        }
        assertTrue(Files.isRegularFile(cache.resolve("pushed-layers.json")), "the record is in the cache folder");
        assertFalse(Files.readString(cache.resolve("pushed-layers.json")).contains(stack.password()), "no login in it");

        int exportsBefore = images.exportsSince(image.id(), start);
        assertTrue(exportsBefore >= 1, "the first push exported the image, and the event log shows it");
        PushProgress again = new PushProgress(image.size());
        try (Pusher later = pusher()) { // a later run of the program, the same cache folder
            push(later, unseen, second, "v1", again);
        }

        assertEquals(exportsBefore, images.exportsSince(image.id(), start), "no save of the image in dockerd's event log");
        List<LayerSnapshot> layers = again.snapshot().layers();
        assertEquals(image.diffIds().size(), layers.size());
        assertTrue(layers.stream().allMatch(layer -> layer.state() == LayerState.MOUNTED), layers.toString());
        assertEquals(0, again.snapshot().bytesDone());
        PulledImage.verify(stack.registry(), second, "v1", login, image.id(), image.diffIds());
    }

    @Test
    void aRePushUnderANewTagReadsOneTagOfTheRepositoryNotAll() throws Exception {
        // Issue 18, "a re-push costs no more than docker's": the repository's tags are read only
        // until every layer of the image is known (LayersInRepository), here the first of four.
        String repository = TestStack.uniqueRepository("user-testuser/re-push");
        Path log = stack.stackDir().resolve("reg").resolve("registry.log");
        try (Pusher pusher = pusher()) {
            for (String tag : List.of("a", "b", "c", "d")) {
                push(pusher, stack.tinyImage(), repository, tag, new PushProgress(-1));
            }
        }
        // Another machine's cache, whose record knows nothing: what it knows comes from the tags.
        try (Pusher elsewhere = new Pusher(Map.of(), cache, Files.createDirectory(cache.resolve("elsewhere")))) {
            long before = Files.readAllLines(log).size();
            push(elsewhere, stack.tinyImage(), repository, "e", new PushProgress(-1));

            List<String> manifestReads = Files.readAllLines(log).stream().skip(before)
                    .filter(line -> line.contains("\"GET /v2/" + repository + "/manifests/")).toList();
            // The new tag's own (404), then one tag that holds the image; before: all five.
            assertEquals(2, manifestReads.size(), String.join("\n", manifestReads));
        }
    }

    @Test
    void aRePushTheRecordCoversAsksNoMoreThanDockersRePush() throws Exception {
        // Issue 18, "a re-push costs no more than docker's re-push": docker's re-push of a new tag is
        // a HEAD per blob and the manifest's PUT (the stack registry's log, docs/benchmarks.md "The
        // re-push in a running process"). Ours, when the record knows every layer here and the
        // wizard's Pusher still holds the login's client: the same, without even GET /v2/.
        ImageDetails image = engine.inspect(stack.fiveLayerImage());
        String repository = TestStack.uniqueRepository("user-testuser/re-push-recorded");
        Path log = stack.stackDir().resolve("reg").resolve("registry.log");
        try (Pusher pusher = pusher()) {
            push(pusher, stack.fiveLayerImage(), repository, "a", new PushProgress(image.size()));
            long before = Files.readAllLines(log).size();
            PushProgress again = new PushProgress(image.size());
            push(pusher, stack.fiveLayerImage(), repository, "b", again);

            List<String> requests = requestsLogged(log, before, "\"PUT /v2/" + repository + "/manifests/b ");
            List<String> methods = requests.stream().map(line -> line.replaceFirst("^[^\"]*\"(\\S+) (\\S+).*", "$1 $2")).toList();
            assertEquals(image.diffIds().size() + 2, requests.size(), String.join("\n", requests));
            assertEquals(image.diffIds().size() + 1, methods.stream().filter(m -> m.startsWith("HEAD /v2/" + repository + "/blobs/")).count(),
                    "a HEAD per layer and the config: " + methods);
            assertFalse(methods.stream().anyMatch(m -> m.startsWith("GET ")), "no tags, manifests or config read: " + methods);
            assertTrue(again.snapshot().layers().stream().allMatch(layer -> layer.state() == LayerState.ALREADY_EXISTS),
                    again.snapshot().layers().toString());
            PulledImage.verify(stack.registry(), repository, "b", login, image.id(), image.diffIds());
        }
    }

    /**
     * The registry's access-log lines after the first {@code before}, once one contains {@code last}:
     * distribution writes a line when its handler returns, which may be after the client has the answer.
     */
    private static List<String> requestsLogged(Path log, long before, String last) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<String> requests = Files.readAllLines(log).stream().skip(before)
                    .filter(line -> line.contains(" /v2/")).toList();
            if (requests.stream().anyMatch(line -> line.contains(last)) || Instant.now().isAfter(deadline)) {
                return requests;
            }
            Thread.sleep(20); // polling the condition, not waiting a fixed time
        }
    }

    @Test
    void aDiskWithoutRoomForTheSpoolSendsTheLayersWithoutItAndSaysSo() throws Exception {
        // Issue 18: "skipped (with a note in the progress) when the disk is short": the layers go
        // straight from the compressor to the registry, nothing is written to the short disk.
        String repository = TestStack.uniqueRepository("user-testuser/no-room");
        try (Pusher pusher = new Pusher(Map.of(), cache, cache, TrustRoots.JAVA, RegistrySettings.defaults(),
                GzipSettings.defaults(2), folder -> 0)) {
            PushProgress progress = new PushProgress(-1);
            PushJob job = pusher.start(engine, stack.registry(), true, repository, "v1", login,
                    engine.inspect(unseen).id(), progress);
            job.completion().toCompletableFuture().orTimeout(2, TimeUnit.MINUTES).join();

            assertTrue(progress.snapshot().spoolSkipped(), "the note is in the progress");
            assertEquals(List.of(), spoolFiles().stream().filter(file -> file.toString().endsWith(".gz")).toList(),
                    "no compressed layer was written to the short disk");
            ImageDetails image = engine.inspect(unseen);
            PulledImage.verify(stack.registry(), repository, "v1", login, image.id(), image.diffIds());
        }
    }

    @Test
    void cancellingStopsThePushAndRemovesTheSpool() throws Exception {
        String repository = TestStack.uniqueRepository("user-testuser/cancel");
        try (Pusher pusher = pusher()) {
            PushJob job = startUntilBytesFlow(pusher, repository);
            assertFalse(job.isDone(), "still running once bytes flow");
            job.cancel();
            CompletionException ended = assertThrows(CompletionException.class,
                    () -> job.completion().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join());
            assertTrue(ended.getCause() instanceof PushCancelledException, String.valueOf(ended.getCause()));
            assertTrue(RegistryManifests.digest(stack.registry(), repository, "v1", login).isEmpty(), "no manifest was put");
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!spoolFiles().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50); // the uploaders close their files as they stop
            }
            assertSpoolRemoved();
        }
    }

    /**
     * Issue 15, item 9: the wizard's Start again comes a moment after Stop, while the cancelled job
     * still removes its folder (its completion comes first); the new run waits for it, so its own
     * spool is not removed under it (PushJob.start).
     */
    @Test
    void theSamePushStartedAgainRightAfterACancelFinishes() throws Exception {
        String repository = TestStack.uniqueRepository("user-testuser/cancel-again");
        try (Pusher pusher = pusher()) {
            PushJob job = startUntilBytesFlow(pusher, repository);
            job.cancel();
            PushResult again = push(pusher, unseenForCancel, repository, "v1", new PushProgress(-1));
            assertEquals(RegistryManifests.digest(stack.registry(), repository, "v1", login).orElseThrow(), again.digest());
        }
    }

    /** Starts pushing the image for cancel tests and returns once bytes flow (or it ended, or 2 minutes passed). */
    private PushJob startUntilBytesFlow(Pusher pusher, String repository) throws Exception {
        PushProgress progress = new PushProgress(-1);
        PushJob job = pusher.start(engine, stack.registry(), true, repository, "v1", login,
                engine.inspect(unseenForCancel).id(), progress);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (progress.snapshot().bytesDone() == 0 && !job.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return job;
    }

    private List<Path> spoolFiles() throws IOException {
        Path spool = cache.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private void assertSpoolRemoved() throws IOException {
        assertEquals(List.of(), spoolFiles(), "no compressed layer is left in the cache");
    }
}
