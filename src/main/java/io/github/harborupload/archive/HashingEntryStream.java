package io.github.harborupload.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * One entry's bytes on their way out of the tar: counted, hashed, and (for a gzip layer)
 * decompressed into a second hash, whoever reads them. What the reader of this stream leaves
 * unread, {@link #finish()} reads and hashes, so the digests always cover the whole entry.
 * {@link #close()} does not close the archive: the next entry follows.
 */
final class HashingEntryStream extends InputStream {

    private final InputStream entry;
    private final ArchiveEntry described;
    private final SourceStream source;
    private final MessageDigest sha256 = Digests.sha256();
    private final GunzipHasher gunzip;
    private long count;

    /** @param source the archive's stream, to tell a cut archive from another failure; null for bytes in memory */
    HashingEntryStream(InputStream entry, ArchiveEntry described, SourceStream source) {
        this.entry = entry;
        this.described = described;
        this.source = source;
        this.gunzip = described.compression() == Compression.GZIP ? new GunzipHasher(described.path()) : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = entry.read(buffer, offset, length);
        } catch (IOException e) {
            throw source == null ? e : source.orTruncated(e, described.path());
        }
        if (n > 0) {
            count += n;
            sha256.update(buffer, offset, n);
            if (gunzip != null) {
                gunzip.update(buffer, offset, n);
            }
        }
        return n;
    }

    /** Skipping still hashes: the digest must cover every byte. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public void close() {
        // The archive goes on with the next entry; what is left of this one, finish() reads.
    }

    /** Reads what is left of the entry and returns the digests of all of it. */
    EntryDigests finish() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // hashing the rest
        }
        if (count != described.size()) {
            throw new ImageArchiveException(ImageArchiveException.Kind.TRUNCATED, "the archive ends inside "
                    + described.path() + ": " + count + " of " + described.size() + " bytes");
        }
        String raw = Digests.format(sha256);
        return new EntryDigests(raw, gunzip == null ? raw : gunzip.finish(), count);
    }
}
