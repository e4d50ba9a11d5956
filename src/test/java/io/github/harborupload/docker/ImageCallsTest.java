package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link DockerEngine#inspect} and {@link DockerEngine#export} against {@link FakeEngine}: the
 * paths asked for, the fields read, and the export's phases and endings that the real dockerd
 * does not show on demand (a slow start, a broken stream). The real daemon: {@code ImageExportIT}.
 */
class ImageCallsTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static DockerEngine engine(FakeEngine fake) {
        return DockerEngine.connect(fake.location(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static String path(FakeEngine fake) {
        return URLDecoder.decode(fake.requests().get(0).path(), StandardCharsets.UTF_8);
    }

    @Test
    void inspectReadsTheIdLayersAndPlatformIncludingTheVariant() throws Exception {
        // The fields of GET /images/{name}/json (Docker Engine API, ImageInspect); an arm64 image has a Variant.
        String answer = "{\"Id\":\"sha256:aaa\",\"Os\":\"linux\",\"Architecture\":\"arm64\",\"Variant\":\"v8\","
                + "\"Size\":1234,\"RootFS\":{\"Type\":\"layers\",\"Layers\":[\"sha256:l1\",\"sha256:l2\"]}}";
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(200, answer));
             DockerEngine engine = engine(fake)) {

            ImageDetails details = engine.inspect("local/app:1");

            assertEquals("/images/local/app:1/json", path(fake));
            assertEquals(new ImageDetails("sha256:aaa", List.of("sha256:l1", "sha256:l2"), "linux", "arm64", "v8", 1234),
                    details);
        }
    }

    @Test
    void inspectWithoutAVariantGivesNull() throws Exception {
        // dockerd 20.10 leaves "Variant" out for amd64 images.
        String answer = "{\"Id\":\"sha256:aaa\",\"Os\":\"linux\",\"Architecture\":\"amd64\",\"Size\":1,"
                + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[]}}";
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(200, answer));
             DockerEngine engine = engine(fake)) {

            assertNull(engine.inspect("sha256:aaa").variant());
        }
    }

    @Test
    void aMissingImageIsNotFoundInTheEnginesWords() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) ->
                reply.json(404, "{\"message\":\"No such image: local/nope:1\"}"));
             DockerEngine engine = engine(fake)) {

            ImageNotFoundException inspected = assertThrows(ImageNotFoundException.class,
                    () -> engine.inspect("local/nope:1"));
            ImageExport export = engine.export("local/nope:1");
            ImageNotFoundException exported = assertThrows(ImageNotFoundException.class, export::read);

            assertEquals("No such image: local/nope:1", inspected.getMessage());
            assertEquals("local/nope:1", inspected.image());
            assertEquals("No such image: local/nope:1", exported.getMessage());
            ExecutionException started = assertThrows(ExecutionException.class,
                    () -> export.started().toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertInstanceOf(ImageNotFoundException.class, started.getCause());
            export.close(); // nothing to release, and nothing thrown
        }
    }

    @Test
    void theExportStartsWhenTheEngineSendsItsFirstByte() throws Exception {
        // dockerd stages the whole image before answering (moby image/tarexport/save.go).
        CompletableFuture<Void> staged = new CompletableFuture<>();
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            staged.join();
            reply.startStream();
            reply.item("first");
            reply.item("second");
            reply.endStream();
        }); DockerEngine engine = engine(fake); ImageExport export = engine.export("sha256:abc")) {

            Thread.sleep(300);
            assertFalse(export.started().toCompletableFuture().isDone(), "started before the engine answered");
            staged.complete(null);

            String body = assertTimeoutPreemptively(HANG_GUARD,
                    () -> new String(export.readAllBytes(), StandardCharsets.UTF_8));

            assertEquals("first\r\nsecond\r\n", body);
            assertTrue(export.started().toCompletableFuture().isDone());
            assertEquals("/images/sha256:abc/get", path(fake));
        }
    }

    @Test
    void closingTheExportHangsUpAtOnceInsteadOfReadingTheRest() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.awaitHangUp(15);
        }); DockerEngine engine = engine(fake)) {
            ImageExport export = engine.export("sha256:abc");
            export.read();

            // The fake streams for 15 s: a close that drained the rest would take that long.
            assertTimeoutPreemptively(Duration.ofSeconds(3), export::close);

            assertTrue(fake.clientHungUp.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the connection was shut");
            assertThrows(IOException.class, export::read);
        }
    }

    @Test
    void aStreamThatBreaksIsTheConnectionLost() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.item("part of a layer");
            // and the connection closes without the end of the chunked body: dockerd died
        }); DockerEngine engine = engine(fake); ImageExport export = engine.export("sha256:abc")) {

            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class,
                    () -> assertTimeoutPreemptively(HANG_GUARD, () -> export.readAllBytes()));

            assertEquals(Reason.CONNECTION_LOST, failure.reason());
        }
    }
}
