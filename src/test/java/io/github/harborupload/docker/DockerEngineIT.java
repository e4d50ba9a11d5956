package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.EngineUnreachableException.Reason;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine facade against the real dockerd and registry: everything but pushes. */
class DockerEngineIT {

    private static final String WRONG_PASSWORD = "not-the-Password-42";

    private static TestStack stack;
    private static DockerEngine engine;
    private static StackImages images;

    @BeforeAll
    static void connect() {
        stack = TestStack.require();
        engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
        images = new StackImages(stack);
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

    private static Credential rightCredential() {
        return new Credential(stack.user(), stack.password());
    }

    static int unusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void theEngineSaysWhatItIs() {
        EngineInfo info = engine.ping();

        assertTrue(info.version().matches("\\d+\\.\\d+.*"), info.version());
        assertTrue(info.apiVersion().matches("1\\.\\d+"), info.apiVersion());
        assertEquals("linux", info.os());
        assertFalse(info.arch().isBlank());
    }

    @Test
    void theEnginesInsecureRegistriesAreReadAsDockerInfoGivesThem() {
        // dockerd's RegistryConfig (docker info): 127.0.0.0/8 is always insecure; the stack's TLS
        // registry outside loopback is not (it is trusted through certs.d), nor is a public address.
        InsecureRegistries insecure = engine.insecureRegistries();

        assertTrue(insecure.isInsecure(stack.registry()), insecure.toString());
        assertFalse(insecure.isInsecure("192.0.2.200:5000"), insecure.toString());
    }

    @Test
    void bothTestImagesAreListedWithTheirTagsSizesAndIds() {
        List<LocalImage> listed = engine.listImages();

        LocalImage fiveLayers = find(listed, stack.fiveLayerImage());
        LocalImage tiny = find(listed, stack.tinyImage());
        // 5 layers of 40 MiB random data; busybox, about 2 MB
        assertTrue(fiveLayers.size() > 200_000_000L && fiveLayers.size() < 230_000_000L, "size " + fiveLayers.size());
        assertTrue(tiny.size() > 1_000_000L && tiny.size() < 3_000_000L, "size " + tiny.size());
        for (LocalImage image : List.of(fiveLayers, tiny)) {
            assertTrue(image.id().matches("sha256:[0-9a-f]{64}"), image.id());
            assertEquals(image.id().substring(7, 19), image.shortId());
            assertTrue(image.created().isAfter(Instant.parse("2020-01-01T00:00:00Z")), image.created().toString());
        }
        assertEquals(listed.stream().sorted(Comparator.comparing(LocalImage::created).reversed()).toList().stream()
                .map(LocalImage::created).toList(), listed.stream().map(LocalImage::created).toList(), "newest first");
        assertTrue(listed.stream().noneMatch(image -> image.repoTags().contains("<none>:<none>")));
    }

    private static LocalImage find(List<LocalImage> images, String repoTag) {
        return images.stream().filter(image -> image.repoTags().contains(repoTag)).findFirst()
                .orElseThrow(() -> new AssertionError(repoTag + " not listed in " + images));
    }

    @Test
    void theRightCredentialLogsIn() {
        engine.checkLogin(stack.registry(), rightCredential());
    }

    @Test
    void aWrongPasswordIsRefusedInTheEnginesWordsWithoutThePassword() {
        RegistryLoginException failure = assertThrows(RegistryLoginException.class,
                () -> engine.checkLogin(stack.registry(), new Credential(stack.user(), WRONG_PASSWORD)));

        assertEquals("login attempt to http://" + stack.registry() + "/v2/ failed with status: 401 Unauthorized",
                failure.getMessage());
        assertEquals(stack.registry(), failure.registry());
        assertFalse(failure.getMessage().contains(WRONG_PASSWORD));
    }

    @Test
    void aRegistryNobodyListensOnFailsTheLogin() throws IOException {
        String nowhere = "127.0.0.1:" + unusedPort();

        RegistryLoginException failure = assertThrows(RegistryLoginException.class,
                () -> engine.checkLogin(nowhere, rightCredential()));

        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
    }

    @Test
    void aTagAppliedIsListedOnTheSameImage() {
        String repository = stack.registry() + "/" + TestStack.uniqueRepository("engine-it/tagged");
        images.removeLater(repository + ":v1");

        engine.tag(stack.tinyImage(), repository, "v1");

        List<LocalImage> listed = engine.listImages();
        assertEquals(find(listed, stack.tinyImage()).id(), find(listed, repository + ":v1").id());
    }

    @Test
    void taggingAMissingImageSaysSo() {
        ImageNotFoundException failure = assertThrows(ImageNotFoundException.class,
                () -> engine.tag("local/does-not-exist:1", stack.registry() + "/engine-it/nothing", "1"));

        assertEquals("local/does-not-exist:1", failure.image());
        assertTrue(failure.getMessage().contains("No such image: local/does-not-exist:1"), failure.getMessage());
    }

    @Test
    void anUppercaseRepositoryIsRefusedInTheEnginesWords() {
        EngineException failure = assertThrows(EngineException.class,
                () -> engine.tag(stack.tinyImage(), stack.registry() + "/engine-it/Upper", "1"));

        assertEquals(EngineException.class, failure.getClass());
        assertTrue(failure.getMessage().contains("repository name must be lowercase"), failure.getMessage());
    }

    @Test
    void anEngineThatIsNotThereIsNamed(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("no-such-dir/docker.sock");
        try (DockerEngine absent = DockerEngine.connect(EngineLocation.of(host, "test"))) {

            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class, absent::ping);

            assertEquals(host, failure.endpoint());
            assertEquals(Reason.NOT_FOUND, failure.reason());
            assertTrue(failure.getMessage().contains(host), failure.getMessage());
        }
    }
}
