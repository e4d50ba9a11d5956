package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes through the real dockerd to the real registry: success, every failure the engine reports
 * inside its stream, and cancelling.
 */
class PushIT {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final int MIB = 1 << 20;

    private static TestStack stack;
    private static DockerEngine engine;
    private static StackImages images;
    /** Five layers of random data the registry has never seen, one image per test that needs uploads. */
    private static String unseenForUpload;
    private static String unseenForCancel;
    private static String unseenForCancelAndWait;

    @BeforeAll
    static void setUp(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
        images = new StackImages(stack);
        unseenForUpload = images.buildRandom(TestStack.uniqueRepository("local/engine-it-upload"), 5, 8 * MIB,
                Files.createDirectory(work.resolve("upload")));
        unseenForCancel = images.buildRandom(TestStack.uniqueRepository("local/engine-it-cancel"), 5, 16 * MIB,
                Files.createDirectory(work.resolve("cancel")));
        unseenForCancelAndWait = images.buildRandom(TestStack.uniqueRepository("local/engine-it-cancel-wait"), 5,
                16 * MIB, Files.createDirectory(work.resolve("cancel-wait")));
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

    private static Credential credential() {
        return new Credential(stack.user(), stack.password());
    }

    /** A fresh {@code registry/engine-it/name-…} repository with {@code image} tagged into it as ":1". */
    private static String taggedInto(String registry, String path, String image) {
        String repository = registry + "/" + TestStack.uniqueRepository(path);
        images.removeLater(repository + ":1");
        engine.tag(image, repository, "1");
        return repository;
    }

    private static String pathOf(String repository) {
        return repository.substring(repository.indexOf('/') + 1);
    }

    private static Optional<String> registryDigest(String repository) {
        return RegistryManifests.digest(stack.registry(), pathOf(repository), "1", credential());
    }

    private static PushResult push(String repository, PushRecorder recorder) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> engine.push(repository, "1", credential(), recorder).await());
    }

    private static PushFailedException failedPush(String repository, String tag, Credential credential) {
        PushOperation push = engine.push(repository, tag, credential, new PushRecorder());
        return assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushFailedException.class, push::await));
    }

    @Test
    void fiveNewLayersAreUploadedAndThePushGivesTheDigestTheRegistryServes() {
        String repository = taggedInto(stack.registry(), "engine-it/upload", unseenForUpload);
        PushRecorder recorder = new PushRecorder();

        PushResult result = push(repository, recorder);

        assertEquals(5, recorder.layers().size(), "layers " + recorder.layers());
        recorder.lastByLayer().forEach((layer, last) -> assertEquals("Pushed", last.status(), layer));
        Map<String, PushEvent> lastPushing = recorder.lastPushingByLayer();
        assertEquals(Set.copyOf(recorder.layers()), lastPushing.keySet(), "every layer showed upload progress");
        lastPushing.forEach((layer, last) ->
                assertEquals(last.total(), Math.min(last.current(), last.total()), layer + " reached its total"));
        assertTrue(result.digest().matches("sha256:[0-9a-f]{64}"), result.digest());
        assertTrue(result.size() > 0);
        assertEquals(Optional.of(result.digest()), registryDigest(repository));

        PushRecorder again = new PushRecorder();
        PushResult second = push(repository, again);

        assertEquals(5, again.layers().size());
        again.lastByLayer().forEach((layer, last) -> assertEquals("Layer already exists", last.status(), layer));
        assertEquals(result, second);
    }

    @Test
    void layersTheRegistryHoldsInAnotherRepositoryAreMounted() {
        String first = taggedInto(stack.registry(), "engine-it/mount-source", stack.fiveLayerImage());
        String second = taggedInto(stack.registry(), "engine-it/mount-target", stack.fiveLayerImage());
        PushResult source = push(first, new PushRecorder());
        PushRecorder recorder = new PushRecorder();

        PushResult mounted = push(second, recorder);

        assertEquals(5, recorder.layers().size());
        recorder.lastByLayer().forEach((layer, last) ->
                assertTrue(last.status().startsWith("Mounted from "), layer + ": " + last.status()));
        assertEquals(source.digest(), mounted.digest());
    }

    @Test
    void aRepositoryTheUserMayNotWriteIsDenied() {
        String repository = taggedInto(stack.denyRegistry(), "locked/engine-it", stack.tinyImage());

        PushFailedException failure = failedPush(repository, "1", credential());

        assertEquals("denied: requested access to the resource is denied", failure.getMessage());
    }

    @Test
    void aRegistryNobodyListensOnFailsWithConnectionRefused() throws IOException {
        String repository = taggedInto("127.0.0.1:" + DockerEngineIT.unusedPort(), "engine-it/nowhere", stack.tinyImage());

        PushFailedException failure = failedPush(repository, "1", credential());

        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
    }

    @Test
    void anImageThatIsNotThereCannotBePushed() {
        String repository = stack.registry() + "/" + TestStack.uniqueRepository("engine-it/missing");

        PushFailedException failure = failedPush(repository, "1", credential());

        assertEquals("An image does not exist locally with the tag: " + repository, failure.getMessage());
    }

    @Test
    void aTagThatIsNotThereCannotBePushed() {
        String repository = taggedInto(stack.registry(), "engine-it/no-tag", stack.tinyImage());

        PushFailedException failure = failedPush(repository, "nosuchtag", credential());

        assertEquals("tag does not exist: " + repository + ":nosuchtag", failure.getMessage());
    }

    @Test
    void aWrongPasswordIsUnauthorizedAndNotRepeated() {
        String wrongPassword = "wrong-Password-" + System.nanoTime();
        String repository = taggedInto(stack.registry(), "engine-it/wrong-password", stack.tinyImage());

        PushFailedException failure = failedPush(repository, "1", new Credential(stack.user(), wrongPassword));

        assertEquals("unauthorized: authentication required", failure.getMessage());
        assertFalse(failure.getMessage().contains(wrongPassword));
    }

    @Test
    void aCancelledPushStopsPromptlyAndTheSamePushThenSucceeds() throws InterruptedException {
        String repository = taggedInto(stack.registry(), "engine-it/cancel", unseenForCancel);
        PushRecorder recorder = new PushRecorder();
        PushOperation push = engine.push(repository, "1", credential(), recorder);
        assertTrue(recorder.firstPushing.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the upload started");

        long cancelledAt = System.nanoTime();
        push.cancel();
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushCancelledException.class, push::await));
        System.out.printf("cancel -> PushCancelledException: %.1f ms%n", (System.nanoTime() - cancelledAt) / 1e6);

        engine.ping();
        assertEquals(Optional.empty(), registryDigest(repository), "the cancelled push did not finish");
        // At once, the harder case for moby#5113 ("already in progress" after an interrupted push).
        PushRecorder retry = new PushRecorder();
        PushResult result = push(repository, retry);
        retry.lastByLayer().forEach((layer, last) ->
                assertTrue(Set.of("Pushed", "Layer already exists").contains(last.status()), layer + ": " + last.status()));
        assertEquals(Optional.of(result.digest()), registryDigest(repository));
    }

    @Test
    void aCancelledPushDoesNotGoOnInsideTheEngine() throws InterruptedException {
        String repository = taggedInto(stack.registry(), "engine-it/cancel-wait", unseenForCancelAndWait);
        PushRecorder recorder = new PushRecorder();
        PushOperation push = engine.push(repository, "1", credential(), recorder);
        assertTrue(recorder.firstPushing.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the upload started");

        push.cancel();
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushCancelledException.class, push::await));
        int eventsAtCancel = recorder.events.size();
        // Had the engine gone on, 80 MiB would be in the registry and the manifest written well within this.
        Thread.sleep(4000);

        assertEquals(Optional.empty(), registryDigest(repository));
        assertEquals(eventsAtCancel, recorder.events.size(), "no events after cancel");
        assertEquals(Optional.of(push(repository, new PushRecorder()).digest()), registryDigest(repository));
    }

    @Test
    void theListenerHearsEveryItemOffTheCallersThread() {
        String repository = taggedInto(stack.registry(), "engine-it/threads", stack.tinyImage());
        List<String> threads = new CopyOnWriteArrayList<>();

        assertTimeoutPreemptively(HANG_GUARD,
                () -> engine.push(repository, "1", credential(), event -> threads.add(Thread.currentThread().getName())).await());

        assertFalse(threads.isEmpty());
        assertFalse(threads.contains(Thread.currentThread().getName()));
    }
}
