package io.github.harborupload.pusher;

import java.util.Objects;

/** A blob as a registry names it: its digest ({@code sha256:<hex>}) and size in bytes. */
record BlobRef(String digest, long size) {

    BlobRef {
        Objects.requireNonNull(digest, "digest");
    }
}
