package io.github.harborupload.pusher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record of blobs this user pushed before (issue 18, "nothing twice"): which registry and
 * repository hold a layer's (or a config's) compressed blob, found by its diff_id. A later push of
 * the same layer to another repository of that registry then mounts it there instead of exporting,
 * compressing and sending it again.
 *
 * <p>Only names and digests, never a login. Bounded to {@link #MAX_ENTRIES} (the most recently
 * confirmed kept), written atomically so a killed program leaves the old record whole. Only an
 * optimisation: a record that cannot be read or written is an empty one, and the push goes on.
 */
final class PushedLayerRecord {

    /** About 250 bytes each: the record stays under a megabyte, enough for hundreds of images. */
    static final int MAX_ENTRIES = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() { };

    /**
     * One blob confirmed by a registry.
     *
     * @param diffId     the layer's uncompressed digest (for a config, its own digest)
     * @param registry   {@code host[:port]} as the endpoint names it
     * @param repository where the registry confirmed the blob
     * @param digest     the blob's digest, {@code sha256:<hex>}
     * @param size       the blob's size in bytes
     */
    record Entry(String diffId, String registry, String repository, String digest, long size) {

        Entry {
            Objects.requireNonNull(diffId, "diffId");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(digest, "digest");
        }

        boolean sameBlobPlace(Entry other) {
            return diffId.equals(other.diffId) && registry.equals(other.registry) && repository.equals(other.repository);
        }

        BlobRef blob() {
            return new BlobRef(digest, size);
        }
    }

    private final Path file;
    // Guarded by this: the entries as last read, and the file they were read from.
    private List<Entry> lastRead = List.of();
    private Version lastVersion;

    /** Which write of the file: the atomic write's rename gives a new file key (inode) where there is one, and a new time. */
    private record Version(Object fileKey, FileTime modified, long size) {

        static Version of(BasicFileAttributes attributes) {
            return new Version(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }
    }

    /** @param file where the record is kept, in the cache folder */
    PushedLayerRecord(Path file) {
        this.file = file;
    }

    /** Where {@code diffId} was pushed on {@code registry}, the most recent first. */
    synchronized List<Entry> find(String registry, String diffId) {
        List<Entry> found = new ArrayList<>();
        for (Entry entry : read()) {
            if (entry.registry().equals(registry) && entry.diffId().equals(diffId)) {
                found.add(0, entry);
            }
        }
        return found;
    }

    /**
     * Adds blobs the registry has just confirmed; an entry already there moves to the end (the most
     * recent), and the oldest go beyond {@link #MAX_ENTRIES}. Read again before each write, so the
     * wizard and the command line, pushing at the same time, lose at most each other's latest entry.
     */
    synchronized void add(List<Entry> confirmed) {
        if (confirmed.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(old -> confirmed.stream().anyMatch(old::sameBlobPlace));
        entries.addAll(confirmed);
        if (entries.size() > MAX_ENTRIES) {
            entries = new ArrayList<>(entries.subList(entries.size() - MAX_ENTRIES, entries.size()));
        }
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(entries));
        } catch (IOException unwritable) {
            // A full or read-only cache folder: the next push learns less, and does not fail for it.
        }
    }

    /**
     * The entries, parsed again only when the file has changed: a push asks the record once per
     * layer, and parsing a full record took ~4 ms each time (docs/benchmarks.md, "The re-push in a
     * running process"). Another program's write is a new version too.
     */
    private List<Entry> read() {
        try {
            Version now = Version.of(Files.readAttributes(file, BasicFileAttributes.class));
            if (!now.equals(lastVersion)) {
                lastVersion = null; // until parsed: a file that cannot be is read again next time
                lastRead = JSON.readValue(Files.readAllBytes(file), ENTRIES);
                lastVersion = now;
            }
            return lastRead;
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException | RuntimeException unreadable) {
            return List.of(); // damaged or from a newer version: it teaches nothing, and is replaced
        }
    }
}
