package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's config.json is never left half-written: a process writing it in a loop is killed
 * (SIGKILL, no chance to clean up) at random moments, again and again, and each time the file is
 * byte for byte one of the two versions it was writing, with the keys this program does not know.
 * What the killed writes left beside it is cleared by a later write.
 */
class InterruptedConfigWriteTest {

    private static final int KILLS = 25;
    private static final long SEED = 20261127L;

    @TempDir
    Path dir;

    @Test
    void aWriterKilledAtAnyMomentLeavesTheOldFileOrTheNewOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("docker-config"));
        Path file = folder.resolve("config.json");
        byte[] first = version(ConfigWriterLoop.FIRST);
        byte[] second = version(ConfigWriterLoop.SECOND);
        Files.write(file, first);

        Random random = new Random(SEED);
        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = startWriter(file);
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            // After a few whole writes, then at a random moment inside the next ones.
            for (int writes = 1 + random.nextInt(5); writes > 0; writes--) {
                String line = out.readLine();
                if (line == null || !line.startsWith("wrote")) {
                    throw new AssertionError("the writer does not run: " + line + "\n" + stderr(writer));
                }
            }
            Thread.sleep(random.nextInt(40));
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "killed");
            byte[] left = Files.readAllBytes(file);
            assertTrue(Arrays.equals(first, left) || Arrays.equals(second, left),
                    "kill " + kill + ": the file is one of the two versions, " + left.length + " bytes");
            Credential login = DockerConfigFile.read(file).credential(ConfigWriterLoop.registry(0)).orElseThrow();
            assertTrue(login.equals(ConfigWriterLoop.FIRST) || login.equals(ConfigWriterLoop.SECOND), "it parses");
        }
        List<String> left = leftovers(folder);
        System.out.println("[measured] " + KILLS + " kills; temporary files left beside config.json: " + left);

        // What a killed write left holds the logins too: a write a minute later clears it.
        for (String name : left) {
            Files.setLastModifiedTime(folder.resolve(name), FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        }
        ConfigWriterLoop.writeVersion(file, ConfigWriterLoop.FIRST);
        assertEquals(List.of(), leftovers(folder));
    }

    /** The bytes the writer produces for one version, with the keys this program does not know. */
    private byte[] version(Credential credential) throws IOException {
        Path file = Files.createDirectories(dir.resolve("expected-" + credential.username())).resolve("config.json");
        try (InputStream unknown = getClass().getResourceAsStream("/docker-config/unknown-keys.json")) {
            Files.copy(unknown, file);
        }
        ConfigWriterLoop.writeVersion(file, ConfigWriterLoop.FIRST);
        ConfigWriterLoop.writeVersion(file, credential);
        return Files.readAllBytes(file);
    }

    private static Process startWriter(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ConfigWriterLoop.class.getName(), file.toString()).start();
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("config.json")).toList());
        }
    }
}
