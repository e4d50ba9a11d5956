package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The cache folder's disk has too little room to spool a layer. The push stops before writing
 * rather than filling the disk: the uploader resumes and starts new sessions from the spool, so
 * without it a layer could not survive the gateways' faults (issue 17) it is there for.
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
