package io.github.harborupload.pusher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Docker's image manifest, schema 2: what {@code docker push} writes and every engine and Harbor
 * reads. The config goes in as the engine exported it, so the pulled image has the same ID.
 */
final class ManifestV2 {

    static final String MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    static final String CONFIG_MEDIA_TYPE = "application/vnd.docker.container.image.v1+json";
    static final String LAYER_MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestV2() {
    }

    /** The manifest's bytes: the config, then the layers in the config's rootfs order. */
    static byte[] of(BlobRef config, List<BlobRef> layers) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MEDIA_TYPE);
        manifest.set("config", descriptor(CONFIG_MEDIA_TYPE, config));
        ArrayNode layerList = manifest.putArray("layers");
        for (BlobRef layer : layers) {
            layerList.add(descriptor(LAYER_MEDIA_TYPE, layer));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static ObjectNode descriptor(String mediaType, BlobRef blob) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", mediaType);
        node.put("size", blob.size());
        node.put("digest", blob.digest());
        return node;
    }
}
