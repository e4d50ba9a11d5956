package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cache folder's disk has too little room to spool a layer. The layer is then sent straight
 * from the compressor, kept in memory only until the registry holds it ({@link SpooledBlob#inMemory});
 * this is the failure when the registry then needs bytes sent again that were not kept (a new
 * upload session from byte 0): the gateways' faults the spool is there for (issue 17).
 */
public final class SpoolSpaceException extends IOException {

    private final transient Path folder;
    private final long needed;
    private final long usable;

    SpoolSpaceException(Path folder, long needed, long usable) {
        super("the cache folder " + folder + " has " + usable + " bytes free; spooling the layer needs up to " + needed);
        this.folder = folder;
        this.needed = needed;
        this.usable = usable;
    }

    /** Where the spool goes (the user's cache folder). */
    public Path folder() {
        return folder;
    }

    /** Bytes the layer may take there, with the reserve left for the rest of the system. */
    public long needed() {
        return needed;
    }

    /** Bytes free there when the push looked. */
    public long usable() {
        return usable;
    }
}
