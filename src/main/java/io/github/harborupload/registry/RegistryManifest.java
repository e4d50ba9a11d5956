package io.github.harborupload.registry;

/**
 * A manifest as the registry holds it: the bytes exactly (its digest is theirs), the media type
 * the registry named, and the digest it gave ({@code Docker-Content-Digest}), checked against the bytes.
 */
public record RegistryManifest(byte[] bytes, String mediaType, String digest) {

    public RegistryManifest {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
