package io.github.harborupload.registry;

/**
 * A blob the registry holds after an upload.
 *
 * @param digest                 {@code sha256:<hex>}
 * @param size                   bytes
 * @param foundAfterFailedCommit the commit's answer was a failure (a gateway's 504, no answer), but
 *                               the blob was then found present: not a failure at all, but worth a
 *                               note to the administrator (the gateway's read timeout)
 */
public record UploadedBlob(String digest, long size, boolean foundAfterFailedCommit) {
}
