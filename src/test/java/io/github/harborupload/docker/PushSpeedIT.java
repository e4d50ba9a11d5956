package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a 5 × 40 MiB push takes through {@link DockerEngine} and through curl on the engine's
 * socket. It prints, it does not judge; it uploads 400 MiB, so it runs only when asked:
 * {@code mvn verify -Dit.test=PushSpeedIT -Dengine.measure=true}.
 */
class PushSpeedIT {

    private static final int MIB = 1 << 20;

    @Test
    void pushThroughTheEngineLayerAndThroughCurl(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("engine.measure"), "measuring only with -Dengine.measure=true");
        TestStack stack = TestStack.require();
        Credential credential = new Credential(stack.user(), stack.password());
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"));
             StackImages images = new StackImages(stack)) {
            // Layers the registry has never seen: the stack's own five-layer image would only be mounted.
            String viaEngine = images.buildRandom(TestStack.uniqueRepository("local/engine-speed-a"), 5, 40 * MIB,
                    Files.createDirectory(work.resolve("a")));
            String viaCurl = images.buildRandom(TestStack.uniqueRepository("local/engine-speed-b"), 5, 40 * MIB,
                    Files.createDirectory(work.resolve("b")));
            String engineTarget = stack.registry() + "/" + TestStack.uniqueRepository("engine-it/speed-engine");
            String curlTarget = stack.registry() + "/" + TestStack.uniqueRepository("engine-it/speed-curl");
            engine.tag(viaEngine, engineTarget, "1");
            engine.tag(viaCurl, curlTarget, "1");
            images.removeLater(engineTarget + ":1");
            images.removeLater(curlTarget + ":1");

            PushRecorder recorder = new PushRecorder();
            long start = System.nanoTime();
            PushResult result = engine.push(engineTarget, "1", credential, recorder).await();
            double engineSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            String curlOutput = curlPush(stack, curlTarget, credential);
            double curlSeconds = (System.nanoTime() - start) / 1e9;

            assertTrue(result.digest().startsWith("sha256:"));
            recorder.lastByLayer().forEach((layer, last) -> assertEquals("Pushed", last.status(), layer));
            assertTrue(curlOutput.contains("\"aux\""), curlOutput);
            assertFalse(curlOutput.contains("errorDetail"), curlOutput);
            long curlItems = curlOutput.lines().filter(line -> !line.isBlank()).count();
            System.out.printf("5 x 40 MiB push to a fresh repository: DockerEngine %.2f s (%d events), curl %.2f s (%d items)%n",
                    engineSeconds, recorder.events.size(), curlSeconds, curlItems);
        }
    }

    private static String curlPush(TestStack stack, String repository, Credential credential)
            throws IOException, InterruptedException {
        String auth = Base64.getUrlEncoder().encodeToString(
                ("{\"username\":\"" + credential.username() + "\",\"password\":\"" + credential.password()
                        + "\",\"serveraddress\":\"" + stack.registry() + "\"}").getBytes(StandardCharsets.UTF_8));
        String socket = stack.dockerHost().substring("unix://".length());
        Process curl = new ProcessBuilder(List.of("curl", "-sS", "-N", "--unix-socket", socket, "-X", "POST",
                "-H", "X-Registry-Auth: " + auth, "http://localhost/images/" + repository + "/push?tag=1"))
                .redirectErrorStream(true)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), output);
        return output;
    }
}
