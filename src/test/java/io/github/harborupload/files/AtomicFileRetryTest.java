package io.github.harborupload.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save while another program holds the file (issue 16, item 8). Windows refuses the rename over a
 * file opened without delete sharing; the stand-in rename refuses with Windows' own words.
 */
class AtomicFileRetryTest {

    /** What the JDK on Windows reports for ERROR_SHARING_VIOLATION (its message is Windows' text). */
    private static final String SHARING_VIOLATION =
            "The process cannot access the file because it is being used by another process";
    private static final List<Duration> NO_WAITS = List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    @TempDir
    Path dir;

    /** Refuses the first {@code refusals} renames with {@code refusal}, then renames. */
    private static AtomicFile.Rename heldFor(int refusals, AtomicInteger calls, FileSystemException refusal) {
        return (from, to) -> {
            if (calls.incrementAndGet() <= refusals) {
                throw refusal;
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        };
    }

    @Test
    void aFileHeldForAMomentIsWrittenOnALaterTry() throws Exception {
        // Issue 16, item 8: Defender or the indexer opens a file right after it changes; one try failed for good.
        Path file = dir.resolve("config.json");
        Files.writeString(file, "old");
        AtomicInteger calls = new AtomicInteger();

        AtomicFile.write(file, "new".getBytes(), heldFor(2, calls, new FileSystemException(file.toString(), null, SHARING_VIOLATION)), NO_WAITS);
        AtomicFile.write(file, "newer".getBytes(), heldFor(3, new AtomicInteger(), new AccessDeniedException(file.toString())), NO_WAITS);

        assertEquals(3, calls.get());
        assertEquals("newer", Files.readString(file));
        assertEquals(List.of(file), files(), "no temporary file left");
    }

    @Test
    void aFileHeldTheWholeTimeSaysAnotherProgramHoldsItAndIsUnchanged() throws Exception {
        // Issue 16, item 8: the user got chmod advice for a sharing violation; now the failure names the holders.
        Path file = dir.resolve("config.json");
        Files.writeString(file, "old");
        AtomicInteger calls = new AtomicInteger();

        FileInUseException failure = assertThrows(FileInUseException.class, () -> AtomicFile.write(file, "new".getBytes(),
                heldFor(Integer.MAX_VALUE, calls, new AccessDeniedException(file.toString())), NO_WAITS));

        assertEquals(NO_WAITS.size() + 1, calls.get(), "tried once, then once after each wait");
        assertEquals(file.toString(), failure.getFile());
        assertTrue(failure.getMessage().contains("another program holds the file open"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Defender"), failure.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files(), "no temporary file left");
    }

    @Test
    void onPosixAccessDeniedIsForGoodAndNotRetried() throws Exception {
        // A POSIX rename never fails because the file is open; its EACCES is a permission, shown as it is.
        Path file = dir.resolve("config.json");
        AtomicInteger calls = new AtomicInteger();

        assertThrows(AccessDeniedException.class, () -> AtomicFile.write(file, "new".getBytes(),
                heldFor(Integer.MAX_VALUE, calls, new AccessDeniedException(file.toString())), List.of()));

        assertEquals(1, calls.get());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
