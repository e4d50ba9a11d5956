package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine facade against {@link FakeEngine}: what docker-java puts on the wire, and how each way
 * a stream can end becomes an outcome. The real daemon is met in {@code DockerEngineIT}.
 */
class DockerEngineTest {

    private static final Credential ALICE = new Credential("alice", "s3cret-Pass");
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /** Short, so a test can outlast it, yet long enough for a loaded CI machine (400 ms was not); the real value is a minute. */
    private static final Duration QUICK_RESPONSE_TIMEOUT = Duration.ofMillis(1500);

    private static DockerEngine engine(FakeEngine fake) {
        return DockerEngine.connect(fake.location(), Duration.ofSeconds(2), QUICK_RESPONSE_TIMEOUT);
    }

    private static List<String> fixture(String name) {
        try (InputStream in = DockerEngineTest.class.getResourceAsStream("/push-streams/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FakeEngine streaming(List<String> items) throws IOException {
        return new FakeEngine((request, reply) -> {
            reply.startStream();
            for (String item : items) {
                reply.item(item);
            }
            reply.endStream();
        });
    }

    @Test
    void aPushSendsOurCredentialWithoutAnApiVersionAndDeliversEveryItem() throws Exception {
        List<String> items = fixture("push-stream-full.jsonl");
        List<PushEvent> events = new CopyOnWriteArrayList<>();
        try (FakeEngine fake = streaming(items); DockerEngine engine = engine(fake)) {

            PushResult result = engine.push("127.0.0.1:5000/user-alice/app", "v1", ALICE, events::add).await();

            FakeEngine.Request request = fake.requests().get(0);
            assertEquals("POST", request.method());
            // No "/v1.xx" prefix: the engine answers in its own API version.
            assertEquals("/images/127.0.0.1:5000/user-alice/app/push?tag=v1",
                    URLDecoder.decode(request.path(), StandardCharsets.UTF_8));
            JsonNode auth = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(request.header("X-Registry-Auth")));
            assertEquals("alice", auth.get("username").asText());
            assertEquals("s3cret-Pass", auth.get("password").asText());
            assertEquals("127.0.0.1:5000", auth.get("serveraddress").asText());
            assertEquals(items.size(), events.size());
            assertEquals(events.get(events.size() - 1).digest(), result.digest());
        }
    }

    @Test
    void anErrorItemInsideTheStreamFailsThePush() throws Exception {
        List<PushEvent> events = new CopyOnWriteArrayList<>();
        try (FakeEngine fake = streaming(fixture("push-stream-error-wrong-password.jsonl")); DockerEngine engine = engine(fake)) {
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, events::add);

            PushFailedException failure = assertThrows(PushFailedException.class, push::await);

            assertEquals("unauthorized: authentication required", failure.getMessage());
            assertTrue(events.get(events.size() - 1).isError(), "the listener sees the error item too");
        }
    }

    @Test
    void aRefusedRequestFailsThePushWithTheEnginesText() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) ->
                reply.json(400, "{\"message\":\"Bad parameters and missing X-Registry-Auth: EOF\"}"));
             DockerEngine engine = engine(fake)) {

            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { });

            assertEquals("Bad parameters and missing X-Registry-Auth: EOF",
                    assertThrows(PushFailedException.class, push::await).getMessage());
        }
    }

    @Test
    void aStreamThatBreaksMeansTheEngineWentAway() throws Exception {
        List<String> items = fixture("push-stream-full.jsonl").subList(0, 10);
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            for (String item : items) {
                reply.item(item);
            }
            // and the engine dies: no closing chunk
        }); DockerEngine engine = engine(fake)) {

            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { });

            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class, push::await);
            assertEquals(Reason.CONNECTION_LOST, failure.reason());
            assertEquals(fake.location().host(), failure.endpoint());
        }
    }

    @Test
    void aStreamThatEndsWithoutTheDigestIsAFailure() throws Exception {
        List<String> items = fixture("push-stream-full.jsonl");
        try (FakeEngine fake = streaming(items.subList(0, items.size() - 2)); DockerEngine engine = engine(fake)) {

            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { });

            assertTrue(assertThrows(PushFailedException.class, push::await).endedWithoutResult());
        }
    }

    @Test
    void aPushMayStaySilentLongerThanAQuickCallMayWait() throws Exception {
        List<String> items = fixture("push-stream-layer-exists.jsonl");
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.item(items.get(0));
            Thread.sleep(QUICK_RESPONSE_TIMEOUT.toMillis() * 4);
            for (String item : items.subList(1, items.size())) {
                reply.item(item);
            }
            reply.endStream();
        }); DockerEngine engine = engine(fake)) {

            PushResult result = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { }).await();

            assertTrue(result.digest().startsWith("sha256:"));
        }
    }

    @Test
    void aQuickCallGivesUpWhenTheEngineStaysSilent() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> Thread.sleep(QUICK_RESPONSE_TIMEOUT.toMillis() * 5));
             DockerEngine engine = engine(fake)) {

            EngineTimeoutException failure = assertThrows(EngineTimeoutException.class, engine::ping);

            assertEquals(QUICK_RESPONSE_TIMEOUT, failure.waited());
        }
    }

    @Test
    void cancellingBeforeTheEngineAnswersStillClosesTheStreamWhenItDoes() throws Exception {
        List<PushEvent> events = new CopyOnWriteArrayList<>();
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            Thread.sleep(300);
            reply.startStream();
            reply.awaitHangUp(10);
        }); DockerEngine engine = engine(fake)) {
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, events::add);

            push.cancel();

            assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushCancelledException.class, push::await));
            assertTrue(fake.clientHungUp.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the stream was closed");
            assertTrue(events.isEmpty(), "no event after cancel: " + events);
        }
    }

    @Test
    void cancellingMidStreamHangsUpAndEndsInCancelled() throws Exception {
        List<PushEvent> events = new CopyOnWriteArrayList<>();
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.awaitHangUp(10);
        }); DockerEngine engine = engine(fake)) {
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, events::add);
            while (events.isEmpty()) {
                Thread.sleep(10);
            }

            push.cancel();

            assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushCancelledException.class, push::await));
            assertTrue(fake.clientHungUp.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the stream was closed");
            assertTrue(push.isDone());
        }
    }

    @Test
    void closingTheEngineCancelsThePushesStillRunning() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.awaitHangUp(10);
        })) {
            DockerEngine engine = engine(fake);
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { });

            engine.close();

            assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(PushCancelledException.class, push::await));
        }
    }

    @Test
    void aPushToAnEngineThatIsNotThereSaysSo(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("docker.sock");
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(host, "test"))) {
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> { });

            EngineUnreachableException failure = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(EngineUnreachableException.class, push::await));

            assertEquals(Reason.NOT_FOUND, failure.reason());
            assertEquals(host, failure.endpoint());
        }
    }

    @Test
    void aListenerThatThrowsStopsThePushAndItsExceptionComesBack() throws Exception {
        IllegalStateException bug = new IllegalStateException("listener bug");
        try (FakeEngine fake = new FakeEngine((request, reply) -> {
            reply.startStream();
            reply.awaitHangUp(10);
        }); DockerEngine engine = engine(fake)) {
            PushOperation push = engine.push("127.0.0.1:5000/x/app", "1", ALICE, event -> {
                throw bug;
            });

            assertSame(bug, assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IllegalStateException.class, push::await)));
            assertTrue(fake.clientHungUp.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), "the stream was closed");
        }
    }

    @Test
    void theCompletionStageCarriesTheSameOutcome() throws Exception {
        try (FakeEngine fake = streaming(fixture("push-stream-error-denied.jsonl")); DockerEngine engine = engine(fake)) {
            PushOperation push = engine.push("127.0.0.1:5000/locked/app", "1", ALICE, event -> { });

            Throwable failure = push.completion().handle((result, error) -> error).toCompletableFuture()
                    .get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);

            // Like any dependent stage, it wraps the failure in a CompletionException.
            assertInstanceOf(PushFailedException.class, failure.getCause());
        }
    }

    @Test
    void aPushWithoutTagIsRefusedBeforeAnythingIsSent() throws Exception {
        try (FakeEngine fake = streaming(List.of()); DockerEngine engine = engine(fake)) {
            assertThrows(IllegalArgumentException.class, () -> engine.push("127.0.0.1:5000/x/app", " ", ALICE, e -> { }));
            assertTrue(fake.requests().isEmpty());
        }
    }

    @Test
    void aFailedLoginKeepsTheEnginesWordsButNeverThePassword() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(500,
                "{\"message\":\"login attempt to https://harbor.example/v2/ with s3cret-Pass failed\"}"));
             DockerEngine engine = engine(fake)) {

            RegistryLoginException failure = assertThrows(RegistryLoginException.class,
                    () -> engine.checkLogin("harbor.example", ALICE));

            assertEquals("login attempt to https://harbor.example/v2/ with *** failed", failure.getMessage());
            assertEquals("harbor.example", failure.registry());
            FakeEngine.Request request = fake.requests().get(0);
            assertEquals("/auth", request.path());
            JsonNode body = new ObjectMapper().readTree(request.body());
            assertEquals("alice", body.get("username").asText());
            assertEquals("harbor.example", body.get("serveraddress").asText());
        }
    }

    @Test
    void imagesAreListedNewestFirstWithoutTheDanglingPlaceholder() throws Exception {
        String images = "["
                + "{\"Id\":\"sha256:1111111111111111aaaa\",\"Created\":100,\"RepoTags\":[\"old/app:1\"],\"Size\":10},"
                + "{\"Id\":\"sha256:2222222222222222bbbb\",\"Created\":300,\"RepoTags\":[\"<none>:<none>\"],"
                + "\"RepoDigests\":[\"<none>@<none>\"],\"Size\":20},"
                + "{\"Id\":\"sha256:3333333333333333cccc\",\"Created\":200,\"RepoTags\":null,\"RepoDigests\":null,\"Size\":30}]";
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(200, images)); DockerEngine engine = engine(fake)) {

            List<LocalImage> listed = engine.listImages();

            assertEquals(List.of(
                    new LocalImage("sha256:2222222222222222bbbb", "222222222222", List.of(), 20, Instant.ofEpochSecond(300)),
                    new LocalImage("sha256:3333333333333333cccc", "333333333333", List.of(), 30, Instant.ofEpochSecond(200)),
                    new LocalImage("sha256:1111111111111111aaaa", "111111111111", List.of("old/app:1"), 10, Instant.ofEpochSecond(100))),
                    listed);
        }
    }

    @Test
    void tagNamesTheMissingImageOn404() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(404, "{\"message\":\"No such image: local/nope:1\"}"));
             DockerEngine engine = engine(fake)) {

            ImageNotFoundException failure = assertThrows(ImageNotFoundException.class,
                    () -> engine.tag("local/nope:1", "127.0.0.1:5000/x/nope", "1"));

            assertEquals("local/nope:1", failure.image());
            assertEquals("No such image: local/nope:1", failure.getMessage());
            assertEquals("/images/local/nope:1/tag?repo=127.0.0.1:5000/x/nope&tag=1",
                    URLDecoder.decode(fake.requests().get(0).path(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void somethingThatIsNotAnEngineIsNotMistakenForOne() throws Exception {
        try (FakeEngine fake = new FakeEngine((request, reply) -> reply.json(404, "{\"message\":\"page not found\"}"));
             DockerEngine engine = engine(fake)) {

            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class, engine::ping);

            assertEquals(Reason.OTHER, failure.reason());
            assertTrue(failure.getMessage().contains("page not found"), failure.getMessage());
        }
    }

    @Test
    void aMissingSocketIsNotFound(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("docker.sock");
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(host, "test"))) {

            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class, engine::ping);

            assertEquals(Reason.NOT_FOUND, failure.reason());
            assertEquals(host, failure.endpoint());
            assertTrue(failure.getMessage().contains(host), failure.getMessage());
        }
    }

    @Test
    void aSocketNobodyListensOnIsRefused(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel leftOver = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            leftOver.bind(UnixDomainSocketAddress.of(socket)); // bound, never listening: like a dead daemon's socket
        }
        assertTrue(Files.exists(socket));
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of("unix://" + socket, "test"))) {

            assertEquals(Reason.REFUSED, assertThrows(EngineUnreachableException.class, engine::ping).reason());
        }
    }

    @Test
    void anAddressThatIsNoEngineAddressIsRefusedAtOnce() {
        EngineUnreachableException failure = assertThrows(EngineUnreachableException.class,
                () -> DockerEngine.connect(EngineLocation.of("ftp://example.org", "test")));

        assertEquals("ftp://example.org", failure.endpoint());
    }

    @Test
    void theRegistryIsTheFirstPartOnlyWhenItLooksLikeAHost() {
        assertEquals("gpu-harbor.act.buaa.edu.cn", DockerEngine.registryOf("gpu-harbor.act.buaa.edu.cn/user-a/app"));
        assertEquals("127.0.0.1:5000", DockerEngine.registryOf("127.0.0.1:5000/x/app"));
        assertEquals("localhost", DockerEngine.registryOf("localhost/app"));
        assertEquals("docker.io", DockerEngine.registryOf("library/busybox"));
        assertEquals("docker.io", DockerEngine.registryOf("busybox"));
    }
}
