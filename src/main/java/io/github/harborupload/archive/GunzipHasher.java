package io.github.harborupload.archive;

import io.github.harborupload.archive.ImageArchiveException.Kind;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The SHA-256 of what a gzip stream decompresses to, fed the compressed bytes as they pass (push,
 * not pull: the bytes go to a sink that reads at its own pace, and no second thread is wanted).
 * Reads every member of a multi-member stream, as Go's reader (docker, containerd) does. The CRC
 * is not checked: the SHA-256 compared with the diff_id is the stronger check.
 */
final class GunzipHasher {

    private static final int FTEXT_MASK = 0xe0;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int TRAILER_LENGTH = 8;
    /** A header longer than this (a file name or comment) is not a layer's. */
    private static final int MAX_HEADER = 4096;

    private enum State { HEADER, BODY, TRAILER }

    private final String path;
    private final Inflater inflater = new Inflater(true);
    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] out = new byte[64 * 1024];
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private State state = State.HEADER;
    private int trailerLeft;
    private int members;

    GunzipHasher(String path) {
        this.path = path;
    }

    void update(byte[] bytes, int offset, int length) {
        int position = offset;
        int end = offset + length;
        while (position < end) {
            position = switch (state) {
                case HEADER -> header(bytes, position, end);
                case BODY -> body(bytes, position, end);
                case TRAILER -> trailer(position, end);
            };
        }
    }

    /** The digest of all decompressed bytes; the stream must have ended after a whole member. */
    String finish() {
        inflater.end();
        if (state != State.HEADER || header.size() > 0 || members == 0) {
            throw new ImageArchiveException(Kind.MALFORMED, "the gzip layer " + path + " ends in the middle");
        }
        return Digests.format(sha256);
    }

    private int header(byte[] bytes, int position, int end) {
        // Take bytes one at a time until the header is whole; a header is tens of bytes.
        header.write(bytes[position]);
        int length = headerLength(header.toByteArray());
        if (length > 0) {
            header.reset();
            state = State.BODY;
        } else if (header.size() > MAX_HEADER) {
            throw malformed("a gzip header that does not end");
        }
        return position + 1;
    }

    /** The header's length once it is complete, else 0 (RFC 1952, section 2.3). */
    private int headerLength(byte[] h) {
        if (h.length >= 1 && (h[0] & 0xff) != 0x1f || h.length >= 2 && (h[1] & 0xff) != 0x8b
                || h.length >= 3 && h[2] != 8) {
            throw malformed("bytes that are not a gzip header");
        }
        if (h.length < 10) {
            return 0;
        }
        int flags = h[3] & 0xff;
        if ((flags & FTEXT_MASK) != 0) {
            throw malformed("reserved gzip header flags");
        }
        int length = 10;
        if ((flags & FEXTRA) != 0) {
            if (h.length < length + 2) {
                return 0;
            }
            length += 2 + ((h[length] & 0xff) | (h[length + 1] & 0xff) << 8);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                while (length < h.length && h[length] != 0) {
                    length++;
                }
                length++;
            }
        }
        if ((flags & FHCRC) != 0) {
            length += 2;
        }
        return h.length >= length ? length : 0;
    }

    private int body(byte[] bytes, int position, int end) {
        inflater.setInput(bytes, position, end - position);
        try {
            while (!inflater.finished() && !inflater.needsInput()) {
                int n = inflater.inflate(out);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new DataFormatException("a preset dictionary, which gzip does not have");
                }
                sha256.update(out, 0, n);
            }
        } catch (DataFormatException e) {
            throw new ImageArchiveException(Kind.MALFORMED, "the gzip layer " + path + " is corrupt: "
                    + e.getMessage(), e);
        }
        if (!inflater.finished()) {
            return end;
        }
        int rest = inflater.getRemaining();
        inflater.reset();
        members++;
        trailerLeft = TRAILER_LENGTH;
        state = State.TRAILER;
        return end - rest;
    }

    private int trailer(int position, int end) {
        int taken = Math.min(trailerLeft, end - position);
        trailerLeft -= taken;
        if (trailerLeft == 0) {
            state = State.HEADER;
        }
        return position + taken;
    }

    private ImageArchiveException malformed(String what) {
        return new ImageArchiveException(Kind.MALFORMED, "the layer " + path + " starts like gzip but has " + what);
    }
}
