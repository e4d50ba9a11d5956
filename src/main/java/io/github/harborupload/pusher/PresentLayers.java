package io.github.harborupload.pusher;

import io.github.harborupload.registry.RegistryClient;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Which layers of an image the target repository holds, asked with as few requests as what is known
 * allows. When the record of earlier pushes knows every layer in this very repository (a re-push),
 * HEADs alone confirm them, as docker's re-push does with its own metadata; otherwise, and for a
 * layer gone from the registry since, the repository's tags are read first
 * ({@link LayersInRepository}: a push after docker's, or from another machine), then the record
 * (HEAD, or a mount from another repository).
 */
final class PresentLayers {

    private final RegistryClient client;
    private final LayersPushedBefore pushedBefore;
    private final ExecutorService checks;

    /** @param checks where the HEADs run at once: the uploaders' threads, idle before the push sends anything */
    PresentLayers(RegistryClient client, LayersPushedBefore pushedBefore, ExecutorService checks) {
        this.client = client;
        this.pushedBefore = pushedBefore;
        this.checks = checks;
    }

    /** diff_id → the blob holding it in the repository now, for each of {@code diffIds} there; {@code tag} is read first. */
    Map<String, BlobRef> find(String tag, Collection<String> diffIds) throws Exception {
        Set<String> wanted = new LinkedHashSet<>(diffIds);
        Map<String, BlobRef> present = new HashMap<>();
        if (pushedBefore.knowsAllInTarget(wanted)) {
            present.putAll(confirm(wanted, Map.of()));
        }
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(present.keySet());
        if (!missing.isEmpty()) {
            present.putAll(confirm(missing, LayersInRepository.learn(client, tag, missing)));
        }
        return present;
    }

    /**
     * diff_id → blob of each of {@code diffIds} the registry confirms: under the digest
     * {@code known} gives, else where the record says. All at once: one HEAD after the other was a
     * round trip per layer on every re-push (docs/benchmarks.md).
     */
    private Map<String, BlobRef> confirm(Set<String> diffIds, Map<String, BlobRef> known) throws Exception {
        Map<String, Future<Optional<BlobRef>>> asked = new LinkedHashMap<>();
        for (String diffId : diffIds) {
            BlobRef blob = known.get(diffId);
            asked.put(diffId, checks.submit(() -> blob != null && client.blobSize(blob.digest()).isPresent()
                    ? Optional.of(blob) : pushedBefore.find(diffId)));
        }
        Map<String, BlobRef> present = new HashMap<>();
        try {
            for (Map.Entry<String, Future<Optional<BlobRef>>> check : asked.entrySet()) {
                PushJob.get(check.getValue()).ifPresent(blob -> present.put(check.getKey(), blob));
            }
        } finally {
            asked.values().forEach(check -> check.cancel(true));
        }
        return present;
    }
}
