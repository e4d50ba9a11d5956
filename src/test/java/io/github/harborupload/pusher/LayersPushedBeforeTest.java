package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistryEndpoint;
import io.github.harborupload.registry.RegistrySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's review: the record (up to a megabyte) was rewritten once per layer and again with every
 * blob after the manifest; the last write must add only what this push has not recorded yet.
 */
class LayersPushedBeforeTest {

    private static final String REGISTRY = "127.0.0.1:5999";

    @TempDir
    Path folder;

    @Test
    void afterTheManifestOnlyWhatIsNewIsWritten() throws Exception {
        Path file = folder.resolve("pushed-layers.json");
        PushedLayerRecord record = new PushedLayerRecord(file);
        // No call reaches the registry here: confirmed() only names it.
        RegistryClient client = new RegistryClient(RegistryEndpoint.of(REGISTRY, true, Map.of(), Path.of("/nonexistent")),
                "user-x/app", new Credential("alice", "secret"), RegistrySettings.defaults());
        LayersPushedBefore before = new LayersPushedBefore(record, client);
        BlobRef layer = new BlobRef("sha256:gz-layer", 42);
        BlobRef config = new BlobRef("sha256:config", 7);

        before.confirmed(Map.of("sha256:layer", layer));
        assertEquals(List.of(layer), blobs(record, "sha256:layer"), "the layer is recorded at once (PushJob.awaitAll)");
        Files.delete(file); // so the next write shows what it adds

        before.confirmed(Map.of("sha256:layer", layer, "sha256:config", config));

        assertEquals(List.of(config), blobs(record, "sha256:config"));
        assertEquals(List.of(), blobs(record, "sha256:layer"), "the layer was not written a second time");
        assertFalse(Files.readString(file).contains("secret"), "no password in the record");
    }

    private static List<BlobRef> blobs(PushedLayerRecord record, String diffId) {
        return record.find(REGISTRY, diffId).stream().map(PushedLayerRecord.Entry::blob).toList();
    }
}
