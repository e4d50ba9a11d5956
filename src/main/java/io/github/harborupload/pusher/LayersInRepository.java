package io.github.harborupload.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryException;
import io.github.harborupload.registry.RegistryManifest;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the target repository already holds, learnt from the registry itself: its tags, their
 * manifests and configs tell which diff_id is stored under which compressed digest. So a push after
 * {@code docker push} of the same image (or from another machine) finds every layer there, by
 * docker's own compression, and neither exports nor compresses anything.
 *
 * <p>Only an optimisation: an answer it cannot read teaches nothing, and the push goes on.
 */
final class LayersInRepository {

    /** Enough for the tags a researcher pushes by hand; each costs two small requests. */
    static final int MAX_TAGS = 20;
    /** An image config is kilobytes; one of a thousand layers' history still fits. */
    static final int MAX_CONFIG_BYTES = 4 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MANIFESTS = Set.of(
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json");
    /** Layers our docker schema 2 manifest may point to as they are. */
    private static final Set<String> GZIP_LAYERS = Set.of(
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.oci.image.layer.v1.tar+gzip");

    private LayersInRepository() {
    }

    /**
     * diff_id → the blob that holds it, compressed with gzip, in the repository; {@code firstTag}
     * (the push's own tag) is read first, as it is the likeliest to share layers. Stops once every
     * one of {@code wanted} is known: a re-push under a new tag reads one tag, not all of them
     * (each costs two requests, and the re-push took 23 × docker's, docs/benchmarks.md).
     */
    static Map<String, BlobRef> learn(RegistryClient client, String firstTag, Collection<String> wanted)
            throws InterruptedException {
        Map<String, BlobRef> known = new HashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        tags.add(firstTag);
        try {
            tags.addAll(client.tags());
        } catch (RegistryException e) {
            return known; // a new repository answers 404 (NAME_UNKNOWN): nothing to learn
        }
        // Tags of one image share its config: read each once.
        Map<String, List<String>> configs = new HashMap<>();
        int read = 0;
        for (String tag : tags) {
            if (known.keySet().containsAll(wanted) || read++ == MAX_TAGS) {
                break;
            }
            try {
                learnFrom(client, tag, known, configs);
            } catch (RegistryException | IOException | RuntimeException unreadable) {
                // A manifest list, an artifact or a tag deleted meanwhile: it teaches nothing.
            }
        }
        return known;
    }

    private static void learnFrom(RegistryClient client, String tag, Map<String, BlobRef> known,
            Map<String, List<String>> configs) throws RegistryException, IOException, InterruptedException {
        RegistryManifest manifest = client.manifest(tag).orElse(null);
        if (manifest == null || !MANIFESTS.contains(manifest.mediaType())) {
            return;
        }
        JsonNode tree = JSON.readTree(manifest.bytes());
        String configDigest = tree.path("config").path("digest").asText(null);
        if (configDigest == null) {
            return;
        }
        List<String> ids = configs.get(configDigest);
        if (ids == null) {
            ids = ImageConfig.diffIds(client.blob(configDigest, MAX_CONFIG_BYTES));
            configs.put(configDigest, ids);
        }
        JsonNode layers = tree.path("layers");
        if (ids.isEmpty() || ids.size() != layers.size()) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode layer = layers.get(i);
            if (GZIP_LAYERS.contains(layer.path("mediaType").asText())) {
                known.putIfAbsent(ids.get(i), new BlobRef(layer.path("digest").asText(), layer.path("size").asLong()));
            }
        }
    }
}
