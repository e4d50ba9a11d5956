package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before a layer is spooled, that the cache folder's disk can hold it: at most its
 * uncompressed size (gzip of incompressible bytes grows by a few bytes per 64 KiB, well inside
 * the reserve) plus a reserve that the push leaves to the rest of the system. Where it cannot, the
 * layer is sent without a spool (issue 18: "skipped … when the disk is short").
 */
final class SpoolRoom {

    /** Left free whatever the layer: a full disk breaks other programs, and the JVM's own files. */
    static final long RESERVE = 256L << 20;

    private final UsableSpace space;

    SpoolRoom(UsableSpace space) {
        this.space = space;
    }

    /**
     * @param layerBytes the layer's size as the export gives it (uncompressed, or as compressed in an OCI export)
     * @return what the folder's disk lacks, when it has too little room; empty when the layer fits
     */
    Optional<SpoolSpaceException> shortage(Path folder, long layerBytes) {
        long needed = Math.max(0, layerBytes) + RESERVE;
        long usable;
        try {
            usable = space.bytes(folder);
        } catch (IOException unknown) {
            return Optional.empty(); // a file system that cannot tell: writing will say it, as before this check
        }
        return usable < needed ? Optional.of(new SpoolSpaceException(folder, needed, usable)) : Optional.empty();
    }
}
