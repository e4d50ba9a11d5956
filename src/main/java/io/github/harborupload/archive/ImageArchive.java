package io.github.harborupload.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An image read out of a {@code docker save} archive and checked: the config's SHA-256 is its
 * digest, every layer hashed to its diff_id.
 *
 * @param shape        which layout the archive had
 * @param config       the image config's exact bytes, as the engine wrote them: push these
 *                     unchanged, their SHA-256 is the image ID (of the classic image store)
 * @param configDigest {@code sha256:…} of {@code config}
 * @param layers       the layers in the config's {@code rootfs.diff_ids} order (a layer listed twice
 *                     appears twice, with the same path)
 * @param os           the config's {@code os}, e.g. {@code linux}; null when absent
 * @param architecture the config's {@code architecture}, e.g. {@code amd64}; null when absent
 * @param variant      the config's {@code variant}, e.g. {@code v8}; usually null
 */
public record ImageArchive(ArchiveShape shape, byte[] config, String configDigest, List<ArchivedLayer> layers,
                           String os, String architecture, String variant) {

    public ImageArchive {
        Objects.requireNonNull(shape, "shape");
        config = config.clone();
        Objects.requireNonNull(configDigest, "configDigest");
        layers = List.copyOf(layers);
    }

    /** A copy: the bytes must stay as the engine wrote them. */
    @Override
    public byte[] config() {
        return config.clone();
    }

    /** The diff_ids in rootfs order. */
    public List<String> diffIds() {
        return layers.stream().map(ArchivedLayer::diffId).toList();
    }

    @Override
    public String toString() {
        return "ImageArchive[" + shape + ", config " + configDigest + " (" + config.length + " bytes), "
                + layers.size() + " layers, " + os + "/" + architecture + (variant == null ? "" : "/" + variant) + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageArchive that && shape == that.shape
                && Arrays.equals(config, that.config) && layers.equals(that.layers)
                && Objects.equals(os, that.os) && Objects.equals(architecture, that.architecture)
                && Objects.equals(variant, that.variant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, Arrays.hashCode(config), layers, os, architecture, variant);
    }
}
