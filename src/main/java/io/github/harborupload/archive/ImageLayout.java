package io.github.harborupload.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.archive.ImageArchiveException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which entries are the config and the layers, from the archive's own index.
 *
 * <p>{@code manifest.json} when present: docker 20.10 writes only it ({@code [{"Config":
 * "<hex>.json", "RepoTags": […], "Layers": ["<id>/layer.tar", …]}]}, moby
 * {@code image/tarexport/save.go}), Docker 25+ writes it beside {@code index.json} with blob paths
 * — and there it must win: the OCI manifest Docker 25's classic store writes lists only foreign
 * layers, so its layers are named in manifest.json alone.
 * Otherwise the OCI image layout's {@code index.json} (image-spec {@code image-layout.md}), whose
 * descriptors lead, perhaps through a nested index, to one image manifest present in the archive
 * (containerd's exporter leaves out the blobs of other platforms).
 *
 * @param imageIds the digests that may be the engine's image ID besides the config's: those of the
 *                 manifests and indexes {@code index.json} leads to (the containerd image store
 *                 names an image by its manifest or index)
 */
record ImageLayout(ArchiveShape shape, String configPath, List<String> layerPaths, Set<String> imageIds) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 4;
    private static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    private static final String ATTESTATION = "attestation-manifest";

    static ImageLayout of(ArchiveContents contents) {
        boolean hasIndex = contents.has("index.json");
        if (contents.has("manifest.json")) {
            Set<String> ids = hasIndex ? ociManifests(contents).ids : Set.of();
            return fromDockerManifest(parse(contents, "manifest.json"), ids);
        }
        if (hasIndex) {
            Found found = ociManifests(contents);
            if (found.manifests.size() != 1) {
                throw new ImageArchiveException(found.manifests.isEmpty() ? Kind.MALFORMED : Kind.UNSUPPORTED,
                        "index.json leads to " + found.manifests.size() + " image manifests in the archive; expected one");
            }
            JsonNode manifest = found.manifests.get(0);
            List<String> layers = new ArrayList<>();
            for (JsonNode layer : manifest.path("layers")) {
                layers.add(ArchivePaths.blobPath(text(layer, "digest", "a layer of the image manifest")));
            }
            String config = ArchivePaths.blobPath(text(manifest.path("config"), "digest", "the image manifest's config"));
            return new ImageLayout(ArchiveShape.OCI_LAYOUT, config, layers, found.ids);
        }
        throw new ImageArchiveException(Kind.MALFORMED,
                "the archive has neither manifest.json nor index.json: not what docker save writes");
    }

    private static ImageLayout fromDockerManifest(JsonNode manifest, Set<String> ids) {
        if (!manifest.isArray() || manifest.size() != 1) {
            throw new ImageArchiveException(manifest.isArray() ? Kind.UNSUPPORTED : Kind.MALFORMED,
                    "manifest.json lists " + (manifest.isArray() ? manifest.size() : "no") + " images; expected one");
        }
        JsonNode image = manifest.get(0);
        List<String> layers = new ArrayList<>();
        for (JsonNode layer : image.path("Layers")) {
            layers.add(layer.asText());
        }
        return new ImageLayout(ArchiveShape.DOCKER_MANIFEST, text(image, "Config", "manifest.json"), layers, ids);
    }

    private record Found(List<JsonNode> manifests, Set<String> ids) {
    }

    private static Found ociManifests(ArchiveContents contents) {
        Found found = new Found(new ArrayList<>(), new LinkedHashSet<>());
        collect(contents, parse(contents, "index.json"), found, 0);
        return found;
    }

    /**
     * Follows the descriptors of an index to the manifests whose blobs the archive holds. BuildKit's
     * attestation manifests (provenance, SBOM: {@code vnd.docker.reference.type:
     * attestation-manifest}, buildkit {@code docs/attestations/attestation-storage.md}) sit in the same
     * index as the image and are not images.
     */
    private static void collect(ArchiveContents contents, JsonNode index, Found found, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ImageArchiveException(Kind.MALFORMED, "indexes nested deeper than " + MAX_DEPTH);
        }
        for (JsonNode descriptor : index.path("manifests")) {
            String digest = text(descriptor, "digest", "a descriptor in an index");
            String path = ArchivePaths.blobPath(digest);
            boolean attestation = ATTESTATION.equals(descriptor.path("annotations").path(REFERENCE_TYPE).asText());
            if (attestation || !contents.has(path)) {
                continue;
            }
            JsonNode document = parse(contents, path);
            found.ids.add(digest);
            if (document.has("manifests")) {
                collect(contents, document, found, depth + 1);
            } else if (document.has("config")) {
                found.manifests.add(document);
            }
        }
    }

    static JsonNode parse(ArchiveContents contents, String path) {
        try {
            return JSON.readTree(contents.json(path));
        } catch (IOException e) {
            throw new ImageArchiveException(Kind.MALFORMED, path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ImageArchiveException(Kind.MALFORMED, where + " has no \"" + field + "\"");
        }
        return value.asText();
    }
}
