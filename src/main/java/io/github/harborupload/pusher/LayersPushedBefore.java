package io.github.harborupload.pusher;

import io.github.harborupload.push.LayerState;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One push's use of the {@link PushedLayerRecord}: for a layer the target repository did not show,
 * the record says where this user pushed it before. The blob is then HEADed in the target (another
 * push may have put it there without a tag) or else mounted from the recorded repository of the same
 * registry. What the registry then confirms, and every blob the push itself sends, goes back into
 * the record.
 */
final class LayersPushedBefore {

    private final PushedLayerRecord record;
    private final RegistryClient client;
    /** diff_id → the repository it was mounted from, for the progress rows. */
    private final Map<String, String> mountedFrom = new HashMap<>();
    /** diff_ids this push has put into the record, or found there at the target already. */
    private final Set<String> recorded = new HashSet<>();

    LayersPushedBefore(PushedLayerRecord record, RegistryClient client) {
        this.record = record;
        this.client = client;
    }

    /**
     * Whether the record names a blob in the target repository itself for every one of
     * {@code diffIds}: then HEADs alone can confirm them, without reading the repository's tags.
     */
    boolean knowsAllInTarget(Collection<String> diffIds) {
        return diffIds.stream().allMatch(diffId -> record.find(registry(), diffId).stream()
                .anyMatch(earlier -> earlier.repository().equals(client.repository())));
    }

    /**
     * The blob holding {@code diffId} in the target repository, when the record knows one and the
     * registry confirms it (HEAD) or mounts it; empty otherwise. A refused mount (the login may not
     * read the other repository, or the blob is gone there) only means the layer is sent.
     */
    Optional<BlobRef> find(String diffId) throws InterruptedException {
        for (PushedLayerRecord.Entry earlier : record.find(registry(), diffId)) {
            try {
                if (client.blobSize(earlier.digest()).isPresent()) {
                    if (earlier.repository().equals(client.repository())) {
                        synchronized (this) {
                            recorded.add(diffId);
                        }
                    }
                    return Optional.of(earlier.blob());
                }
                if (!earlier.repository().equals(client.repository())
                        && client.mount(earlier.digest(), earlier.repository())) {
                    synchronized (this) {
                        mountedFrom.put(diffId, earlier.repository());
                    }
                    return Optional.of(earlier.blob());
                }
            } catch (RegistryException refused) {
                // Denied or unreadable: try the next place, and at the end send the layer.
            }
        }
        return Optional.empty();
    }

    /** The repository {@code diffId}'s blob was mounted from in this push, if it was. */
    synchronized Optional<String> mountedFrom(String diffId) {
        return Optional.ofNullable(mountedFrom.get(diffId));
    }

    /**
     * Records blobs the registry has confirmed in the target repository: diff_id → blob. Those this
     * push recorded already are left out: the record is rewritten whole (up to a megabyte) on each
     * write, and after the manifest only the config and the layers the repository had are new.
     */
    void confirmed(Map<String, BlobRef> blobs) {
        List<PushedLayerRecord.Entry> entries = new ArrayList<>();
        synchronized (this) {
            blobs.forEach((diffId, blob) -> {
                if (recorded.add(diffId)) {
                    entries.add(new PushedLayerRecord.Entry(diffId, registry(), client.repository(), blob.digest(), blob.size()));
                }
            });
        }
        record.add(entries);
    }

    /** Shows a layer the registry holds without an upload: mounted, or already there. */
    void showDone(PushProgress progress, String row, String diffId) {
        Optional<String> from = mountedFrom(diffId);
        if (from.isPresent()) {
            progress.layerMounted(row, from.get());
        } else {
            progress.layer(row, LayerState.ALREADY_EXISTS);
        }
    }

    private String registry() {
        return client.endpoint().host();
    }
}
