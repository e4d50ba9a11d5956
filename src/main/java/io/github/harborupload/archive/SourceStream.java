package io.github.harborupload.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's archive stream, watched for its end: when the tar reader fails after the source
 * has ended, the archive was cut short (commons-compress says "Truncated TAR archive" in a plain
 * IOException), which is not a failure of the source itself.
 */
final class SourceStream extends FilterInputStream {

    private boolean ended;

    SourceStream(InputStream source) {
        super(source);
    }

    boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    /** Closing the tar reader must not close the caller's stream. */
    @Override
    public void close() {
    }

    /** The failure as the reader reports it: a cut archive is TRUNCATED, anything else stays as it is. */
    IOException orTruncated(IOException failure, String where) {
        if (ended) {
            throw new ImageArchiveException(ImageArchiveException.Kind.TRUNCATED,
                    "the archive ends in the middle of " + where + ": " + failure.getMessage(), failure);
        }
        return failure;
    }
}
