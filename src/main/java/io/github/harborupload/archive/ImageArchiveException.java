package io.github.harborupload.archive;

import java.util.Objects;

/**
 * The archive is not an image this program can push as the engine holds it: malformed, cut short,
 * or its bytes do not match the digests that name them. The message says which entry and what was
 * expected, in English, for the details; {@link #kind()} is what the problems layer names.
 */
public class ImageArchiveException extends RuntimeException {

    /** What went wrong, for the problems layer. */
    public enum Kind {
        /** Not a tar, no manifest.json or index.json, JSON that does not parse, a layer named but absent. */
        MALFORMED,
        /** The tar ended inside an entry, or before its end-of-archive marker. */
        TRUNCATED,
        /** The config does not hash to the image ID, or a layer not to its diff_id or blob name. */
        DIGEST_MISMATCH,
        /** Readable, but not as this program can push it: several images, a zstd layer. */
        UNSUPPORTED
    }

    private final Kind kind;

    public ImageArchiveException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ImageArchiveException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
