package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.harborupload.registry.BlobSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config told from the manifest the containerd image store names an image by. The fixture is an
 * OCI image manifest and its config as Docker 25+'s containerd store keeps them (image-spec
 * manifest.md, config.md); `docker inspect` there gives the manifest's digest as the image ID
 * (registry-push.md, "Docker versions"), and after docker's own push the registry serves that
 * manifest under its digest as a blob too (distribution keeps manifests in the blob store).
 */
class ImageConfigTest {

    @Test
    void theConfigsDiffIdsAndNoneForTheManifestTheContainerdStoreNamesTheImageBy() throws IOException {
        byte[] config = fixture("config.json");
        byte[] manifest = fixture("manifest.json");
        String imageIdInTheContainerdStore = BlobSource.sha256(manifest);

        assertNotEquals(BlobSource.sha256(config), imageIdInTheContainerdStore);
        assertEquals(List.of("sha256:727a2f75780b0bc21ac7966be575560445a693f2b38375c4efdcb38235b210e1"),
                ImageConfig.diffIds(config));
        assertEquals(List.of(), ImageConfig.diffIds(manifest), "a manifest is not the config the push needs");
        assertEquals(List.of(), ImageConfig.diffIds("not json".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImageConfigTest.class.getResourceAsStream("containerd-store/" + name)) {
            return in.readAllBytes();
        }
    }
}
