package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks, before a layer is spooled, that the cache folder's disk can hold it: at most its
 * uncompressed size (gzip of incompressible bytes grows by a few bytes per 32 KiB block, well inside
 * the reserve) plus a reserve that the push leaves to the rest of the system.
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
     * @throws SpoolSpaceException when the folder's disk has too little room
     */
    void check(Path folder, long layerBytes) throws SpoolSpaceException {
        long needed = Math.max(0, layerBytes) + RESERVE;
        long usable;
        try {
            usable = space.bytes(folder);
        } catch (IOException unknown) {
            return; // a file system that cannot tell: writing will say it, as before this check
        }
        if (usable < needed) {
            throw new SpoolSpaceException(folder, needed, usable);
        }
    }
}
