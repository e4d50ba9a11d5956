package io.github.harborupload.archive;

import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * commons-compress's tar reader, telling whether the archive ended with its end-of-archive marker
 * (a zero record) or just stopped: its {@code getNextEntry()} returns null either way, and an
 * archive cut between two entries must not pass for a whole one.
 */
final class TarInput extends TarArchiveInputStream {

    private boolean endMarkerSeen;

    TarInput(InputStream source) {
        super(source);
    }

    /** commons-compress asks this of every header record; null is a stream that ended instead. */
    @Override
    protected boolean isEOFRecord(byte[] record) {
        boolean end = super.isEOFRecord(record);
        endMarkerSeen |= end && record != null;
        return end;
    }

    boolean endMarkerSeen() {
        return endMarkerSeen;
    }
}
