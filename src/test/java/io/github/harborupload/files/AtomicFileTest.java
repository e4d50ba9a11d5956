package io.github.harborupload.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a write killed half-way leaves: its temporary file (see InterruptedConfigWriteTest, which
 * found two in 25 kills), holding a copy of the content, secrets and all. The next write clears
 * those, once they are old enough not to be another writer's at work.
 */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aWriteOnAnInterruptedThreadStillHappens() throws IOException {
        // An uploader thread records what the registry committed while a failure elsewhere stops the
        // push and interrupts it; a FileChannel would close on the interrupt and lose the record
        // (FaultsWizardIT: a layer pushed before the engine was killed was sent again).
        Path file = dir.resolve("pushed-layers.json");
        Thread.currentThread().interrupt();
        try {
            AtomicFile.write(file, "[1]".getBytes(StandardCharsets.UTF_8));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is left for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals("[1]", Files.readString(file));
    }

    @Test
    void theNextWriteRemovesTheTemporaryFilesOfKilledWritesAndNothingElse() throws IOException {
        Path file = dir.resolve("config.json");
        Path killed = write("config.json4678206238754590502.tmp", Duration.ofMinutes(5));
        Path working = write("config.json2970979115663096372.tmp", Duration.ZERO);
        Path otherFiles = write("settings.json123.tmp", Duration.ofMinutes(5));
        Path notOurs = write("config.jsonbackup.tmp", Duration.ofMinutes(5));

        AtomicFile.write(file, "{}".getBytes(StandardCharsets.UTF_8));

        assertEquals(Set.of("config.json", name(working), name(otherFiles), name(notOurs)), names());
        assertEquals(false, Files.exists(killed));
    }

    private Path write(String name, Duration age) throws IOException {
        Path path = Files.writeString(dir.resolve(name), "{\"auths\":{\"h\":{\"auth\":\"c2VjcmV0\"}}}");
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
        return path;
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(AtomicFileTest::name).collect(Collectors.toSet());
        }
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
