package io.github.harborupload.docker;

/**
 * What the registry stored for a finished push.
 *
 * @param digest the manifest digest, {@code sha256:…}: the registry serves the same one for the tag
 * @param size   the manifest's size in bytes (not the image's size)
 */
public record PushResult(String digest, long size) {
}
