package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pushes of the project's own that paused, failed or were killed, as their folders in the
 * spool (cache/spool/&lt;key&gt;/) keep them: listed for the faces' resume offer, removed on the
 * user's word, and cleaned up when abandoned, so the cache does not grow forever.
 */
public final class KeptPushes {

    /** A state not touched for this long is abandoned: its spool (up to the image's size) goes. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(14);
    /**
     * A folder without a state belongs to a push that has not saved one yet, or to one whose state
     * could not be written; untouched this long, no push is filling it any more.
     */
    static final Duration UNUSED_AFTER = Duration.ofDays(1);

    /** One kept push: what it pushed, how far it got (0 to 1) and when it last saved. */
    public record Kept(String key, String registry, String repository, String tag, String imageId, double fraction,
            Instant savedAt) {
    }

    private final Path spoolFolder;
    private final Clock clock;

    KeptPushes(Path spoolFolder, Clock clock) {
        this.spoolFolder = spoolFolder;
        this.clock = clock;
    }

    /** The kept pushes whose state can be read, the newest first. Reads only the states, never the spools. */
    public List<Kept> list() {
        List<Kept> kept = new ArrayList<>();
        for (Path folder : folders()) {
            PushState.peek(folder).filter(saved -> saved.target() != null).ifPresent(saved -> {
                PushState.Target target = saved.target();
                lastSaved(folder).ifPresent(when -> kept.add(new Kept(folder.getFileName().toString(), target.registry(),
                        target.repository(), target.tag(), target.imageId(), saved.fraction(), when)));
            });
        }
        kept.sort(Comparator.comparing(Kept::savedAt).reversed());
        return kept;
    }

    /**
     * Removes a kept push's folder: its state and spool. A key that names no folder of the spool
     * (or a path) removes nothing.
     *
     * @throws IOException when a file cannot be removed
     */
    public void discard(String key) throws IOException {
        Path folder = spoolFolder.resolve(key).normalize();
        if (!folder.getParent().equals(spoolFolder.normalize()) || !Files.isDirectory(folder)) {
            return;
        }
        removeFolder(folder);
    }

    /**
     * Removes the folders of abandoned pushes: a state older than {@link #ABANDONED_AFTER}, or no
     * state and nothing written for {@link #UNUSED_AFTER}. Never fails: what cannot be removed
     * now is tried again next time.
     *
     * @return the folders removed
     */
    public List<Path> removeAbandoned() {
        Instant now = clock.instant();
        List<Path> removed = new ArrayList<>();
        for (Path folder : folders()) {
            Optional<Instant> saved = lastSaved(folder);
            boolean abandoned = saved.isPresent()
                    ? saved.get().isBefore(now.minus(ABANDONED_AFTER))
                    : lastWritten(folder).isBefore(now.minus(UNUSED_AFTER));
            if (abandoned) {
                try {
                    removeFolder(folder);
                    removed.add(folder);
                } catch (IOException e) {
                    // A file still open (Windows) or gone meanwhile: next time.
                }
            }
        }
        return removed;
    }

    private List<Path> folders() {
        try (Stream<Path> all = Files.list(spoolFolder)) {
            return all.filter(Files::isDirectory).toList();
        } catch (IOException none) {
            return List.of();
        }
    }

    /** When the state was last written; empty when there is none. */
    private static Optional<Instant> lastSaved(Path folder) {
        try {
            return Optional.of(Files.getLastModifiedTime(folder.resolve(PushState.FILE)).toInstant());
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /** The newest time anything in the folder (or the folder itself) was written. */
    private static Instant lastWritten(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            FileTime newest = Files.getLastModifiedTime(folder);
            for (Path file : (Iterable<Path>) files::iterator) {
                FileTime written = Files.getLastModifiedTime(file);
                newest = written.compareTo(newest) > 0 ? written : newest;
            }
            return newest.toInstant();
        } catch (IOException gone) {
            // Gone or unreadable: as if in use, so nothing is removed on a guess.
            return Instant.MAX;
        }
    }

    /** Removes the folder and the files in it (a push's folder holds no subfolders). */
    static void removeFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
