package io.github.harborupload.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryException;
import io.github.harborupload.registry.RegistryManifest;
import io.github.harborupload.registry.RegistrySettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms an image runs on ({@code linux/amd64}, {@code linux/arm/v7}), for the import's
 * {@code archs}: the platform stores them as sent, and its job form and scheduler go by them
 * (crater-harbor-api.md §9). From the engine's inspect of the local image; for a link that is not
 * local, from the image's manifest and config in the registry. Empty when neither can tell: the
 * import then leaves {@code archs} out, and the platform shows its default, linux/amd64.
 */
public final class ImageArchitectures {

    private static final Logger LOG = LoggerFactory.getLogger(ImageArchitectures.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An image config is a few KiB; a MiB is plenty. */
    private static final int MAX_CONFIG_BYTES = 1 << 20;

    private final Services services;

    public ImageArchitectures(Services services) {
        this.services = services;
    }

    /**
     * {@code os/architecture[/variant]} as containerd's {@code platforms.Format} writes it after
     * {@code Normalize}: arm64's default variant v8 is left out, so an arm64 image reads
     * {@code linux/arm64} as the platform's own values do; empty without os or architecture.
     */
    public static Optional<String> platform(String os, String architecture, String variant) {
        if (os == null || os.isBlank() || architecture == null || architecture.isBlank()) {
            return Optional.empty();
        }
        boolean defaultVariant = variant == null || variant.isBlank() || ("arm64".equals(architecture) && "v8".equals(variant));
        return Optional.of(os + "/" + architecture + (defaultVariant ? "" : "/" + variant));
    }

    /** The local image's platform, from the engine; empty when the engine cannot say. */
    public List<String> ofLocal(String image) {
        try {
            ImageDetails details = services.engine().inspect(image);
            return platform(details.os(), details.architecture(), details.variant()).map(List::of).orElse(List.of());
        } catch (RuntimeException e) { // the engine, or the way to it, failing in any of its ways: the import goes on without
            LOG.info("the engine could not tell the platform of {}: {}", image, e.getMessage());
            return List.of();
        }
    }

    /**
     * The platforms of the image at {@code registry/project/repository:tag}: the local image of
     * that name when the engine has it, else the registry's manifest (every platform of an index)
     * or the image's config. Anonymous unless a login for the registry is stored, as the
     * platform's own check reads {@code user-*} projects, which are public.
     */
    public List<String> ofLink(HarborTarget link) {
        List<String> local = ofLocal(link.link());
        if (!local.isEmpty()) {
            return local;
        }
        try {
            return ofRegistry(link);
        } catch (RegistryException | IOException | RuntimeException e) {
            LOG.info("the registry could not tell the platform of {}: {}", link.link(), e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<String> ofRegistry(HarborTarget link) throws RegistryException, IOException, InterruptedException {
        RegistryClient client = new RegistryClient(RegistryAccess.endpoint(services, link.registry()), link.project() + "/" + link.repository(),
                services.credentials().find(link.registry()).orElse(null), RegistrySettings.defaults());
        Optional<RegistryManifest> manifest = client.manifest(link.tag());
        if (manifest.isEmpty()) {
            return List.of();
        }
        JsonNode json = JSON.readTree(manifest.get().bytes());
        // An index (manifest list) names each image's platform; attestations say unknown/unknown.
        if (json.has("manifests")) {
            Set<String> platforms = new LinkedHashSet<>();
            json.path("manifests").forEach(entry -> {
                JsonNode platform = entry.path("platform");
                platform(platform.path("os").asText(null), platform.path("architecture").asText(null),
                        platform.path("variant").asText(null))
                        .filter(value -> !value.contains("unknown"))
                        .ifPresent(platforms::add);
            });
            return new ArrayList<>(platforms);
        }
        String configDigest = json.path("config").path("digest").asText("");
        if (configDigest.isEmpty()) {
            return List.of();
        }
        JsonNode config = JSON.readTree(client.blob(configDigest, MAX_CONFIG_BYTES));
        return platform(config.path("os").asText(null), config.path("architecture").asText(null),
                config.path("variant").asText(null)).map(List::of).orElse(List.of());
    }
}
