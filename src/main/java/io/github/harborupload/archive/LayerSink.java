package io.github.harborupload.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives each entry that may be a layer while it streams out of the archive, e.g. to compress it
 * on the way to a registry. Called on the reading thread, one entry at a time, in archive order
 * (except a small entry the reader kept as JSON and the manifest then names as a layer, which only
 * a hand-made archive has: it is offered from memory after the archive's end).
 *
 * <p>Which entries come here: every {@code layer.tar} (docker 20.10's shape), every blob under
 * {@code blobs/} that is not a small JSON document (the OCI layout), whatever their size. Which
 * diff_id such an entry carries is not known from its name in docker 20.10's shape (the folder is
 * a v1 ID), and in either shape {@code manifest.json}/{@code index.json} usually come after the
 * layers. So the sink learns an entry's digests from the {@link Ending} it returns, once the
 * entry's last byte has passed, and decides there whether what it made of the entry is wanted
 * (upload it) or not (discard it). The final mapping of paths to layers is in the
 * {@link ImageArchive} that {@link ImageArchiveReader#read} returns.
 */
@FunctionalInterface
public interface LayerSink {

    /**
     * Takes one entry. {@code content} gives the entry's bytes as they arrive from the archive
     * and ends at the entry's end; read it to its end (whatever is left unread is skipped, and
     * still hashed). Do not close the archive through it: closing {@code content} only skips the
     * rest of the entry.
     *
     * @return called once the entry has ended with its digests; never null ({@link #IGNORE_END}
     *         when the sink needs nothing)
     * @throws IOException the sink's own failure; it stops the reading and reaches the caller of
     *                     {@link ImageArchiveReader#read} as it is
     */
    Ending receive(ArchiveEntry entry, InputStream content) throws IOException;

    /** What the sink hears at an entry's end. */
    @FunctionalInterface
    interface Ending {

        /**
         * The entry has ended; these are its digests. Called on the reading thread, before the
         * next entry is offered, and also when the sink stopped reading early (the rest was skipped
         * and hashed).
         *
         * @throws IOException stops the reading and reaches the caller of {@link ImageArchiveReader#read}
         */
        void ended(EntryDigests digests) throws IOException;
    }

    /** An ending that does nothing. */
    Ending IGNORE_END = digests -> { };

    /** A sink that reads nothing: the reader skips and hashes every layer. Checks an archive. */
    LayerSink SKIP = (entry, content) -> IGNORE_END;
}
