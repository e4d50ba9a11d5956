package io.github.harborupload.archive;

import io.github.harborupload.archive.ImageArchiveException.Kind;
import java.util.HashMap;
import java.util.Map;

/**
 * What the reader saw of each entry once it passed: digests and size for all, the bytes of the
 * small JSON ones, the target of links. docker 20.10 writes a layer that appears twice as a
 * symlink to the first copy ({@code <id>/layer.tar -> ../<other>/layer.tar}, moby
 * {@code image/tarexport/save.go}), so paths are looked up through links.
 */
final class ArchiveContents {

    /**
     * One entry. {@code bytes} is set for kept JSON entries; {@code streamed} for entries that went
     * through the sink; {@code linkTarget} (a path from the archive's root) for links.
     */
    record Stored(ArchiveEntry entry, EntryDigests digests, byte[] bytes, boolean streamed, String linkTarget) {
    }

    private static final int MAX_LINKS = 16;

    private final Map<String, Stored> entries = new HashMap<>();
    private final long keepLimit;
    private long kept;

    ArchiveContents(long keepLimit) {
        this.keepLimit = keepLimit;
    }

    void add(Stored stored) {
        if (stored.bytes() != null) {
            kept += stored.bytes().length;
            if (kept > keepLimit) {
                throw new ImageArchiveException(Kind.UNSUPPORTED, "the archive holds more than " + keepLimit
                        + " bytes of JSON; an image's JSON is far smaller");
            }
        }
        entries.put(stored.entry().path(), stored);
    }

    int size() {
        return entries.size();
    }

    boolean has(String path) {
        return entries.containsKey(ArchivePaths.normalize(path));
    }

    /** The entry at that path, through links; MALFORMED when the archive has none. */
    Stored find(String path) {
        String current = ArchivePaths.normalize(path);
        for (int hops = 0; hops <= MAX_LINKS; hops++) {
            Stored stored = entries.get(current);
            if (stored == null) {
                throw new ImageArchiveException(Kind.MALFORMED, "the archive has no entry " + path);
            }
            if (stored.linkTarget() == null) {
                return stored;
            }
            current = stored.linkTarget();
        }
        throw new ImageArchiveException(Kind.MALFORMED, "the links from " + path + " go round in circles");
    }

    /** The bytes of a small JSON entry; MALFORMED when it is absent or was not JSON. */
    byte[] json(String path) {
        Stored stored = find(path);
        if (stored.bytes() == null) {
            throw new ImageArchiveException(Kind.MALFORMED, "the entry " + path + " is not a JSON document");
        }
        return stored.bytes();
    }

    /** Every {@code blobs/sha256/<hex>} entry must hash to its name: the OCI layout's promise. */
    void checkBlobNames() {
        for (Stored stored : entries.values()) {
            String named = ArchivePaths.blobDigest(stored.entry().path());
            if (named != null && stored.digests() != null && !named.equals(stored.digests().sha256())) {
                throw new ImageArchiveException(Kind.DIGEST_MISMATCH, "the blob " + stored.entry().path()
                        + " hashes to " + stored.digests().sha256());
            }
        }
    }
}
