package io.github.harborupload.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pusher reads from an image config (OCI image-spec {@code config.md}, docker's image
 * JSON): the diff_ids of its {@code rootfs}. Used to tell a config from the other JSON blobs a
 * registry serves under a digest, above all the manifest the containerd image store names an
 * image by.
 */
final class ImageConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageConfig() {
    }

    /** The config's diff_ids, in order; empty when {@code json} is no image config (a manifest, an index). */
    static List<String> diffIds(byte[] json) {
        JsonNode diffIds;
        try {
            diffIds = JSON.readTree(json).path("rootfs").path("diff_ids");
        } catch (IOException notJson) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        diffIds.forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
