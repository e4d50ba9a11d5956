package io.github.harborupload.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the engine says of one local image ({@code GET /images/{name}/json}), enough to push it
 * without exporting what the registry already has.
 *
 * @param id           the image ID, {@code sha256:…}: the config's digest in the classic image
 *                     store (the containerd store of Docker 25+ gives the manifest's or index's)
 * @param diffIds      {@code RootFS.Layers}: the SHA-256 of each uncompressed layer tar, bottom first
 * @param os           e.g. {@code linux}
 * @param architecture e.g. {@code amd64}
 * @param variant      e.g. {@code v8} for arm64; null when the engine reports none
 * @param size         bytes, as {@code docker images} shows them (uncompressed)
 */
public record ImageDetails(String id, List<String> diffIds, String os, String architecture, String variant,
                           long size) {

    public ImageDetails {
        Objects.requireNonNull(id, "id");
        diffIds = List.copyOf(diffIds);
    }

    /** From the engine's answer to {@code GET /images/{name}/json}. */
    static ImageDetails fromEngine(JsonNode image) {
        List<String> diffIds = new ArrayList<>();
        image.path("RootFS").path("Layers").forEach(layer -> diffIds.add(layer.asText()));
        return new ImageDetails(image.path("Id").asText(), diffIds, text(image, "Os"), text(image, "Architecture"),
                text(image, "Variant"), image.path("Size").asLong());
    }

    private static String text(JsonNode image, String field) {
        JsonNode value = image.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
