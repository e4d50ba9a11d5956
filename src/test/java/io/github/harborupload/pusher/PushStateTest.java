package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.registry.UploadSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file of a push (issue 19): what a resume may trust, and what it must set aside. */
class PushStateTest {

    private static final PushState.Target TARGET = new PushState.Target("harbor.example:443", "user-ana/app", "v1",
            "sha256:" + "a".repeat(64));
    private static final String ENTRY = "0123abcd/layer.tar";

    @TempDir
    Path folder;

    @Test
    void whatWasDoneIsReadBackAsWritten() throws IOException {
        PushState state = PushState.fresh(folder, TARGET);
        state.started(ENTRY, 1000, "layer-1.gz", Optional.empty());
        state.completed(ENTRY, "sha256:" + "d".repeat(64), new BlobRef("sha256:" + "b".repeat(64), 600));
        UploadSession session = new UploadSession(URI.create("https://harbor.example/v2/user-ana/app/blobs/uploads/u1?_state=x"), 512);
        state.uploading(ENTRY, Optional.of(session));
        state.config("{\"config\":1}".getBytes(StandardCharsets.UTF_8));

        PushState again = PushState.load(folder, TARGET).orElseThrow();
        PushState.Layer layer = again.layer(ENTRY).orElseThrow();
        assertTrue(layer.complete());
        assertEquals(600, layer.size());
        assertEquals(1000, layer.entrySize());
        assertEquals(Optional.of(session), layer.upload());
        assertEquals("{\"config\":1}", new String(again.savedConfig().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void noStateIsNoResume() throws IOException {
        assertEquals(Optional.empty(), PushState.load(folder, TARGET));
    }

    @Test
    void aDamagedStateIsRefusedAndSetAside() throws IOException {
        // A power cut cannot leave half a file (AtomicFile), but a disk or a user can.
        Files.writeString(folder.resolve(PushState.FILE), "{\"version\":1,\"layers\":[{\"entry\"");
        assertThrows(IOException.class, () -> PushState.load(folder, TARGET));
        PushState.setAside(folder);
        assertFalse(Files.exists(folder.resolve(PushState.FILE)));
        assertEquals(Optional.empty(), PushState.load(folder, TARGET), "the push starts clean");
    }

    @Test
    void aStateOfAnotherPushIsStale() throws IOException {
        PushState.fresh(folder, TARGET).started(ENTRY, 1, "layer-1.gz", Optional.empty());
        PushState.Target otherImage = new PushState.Target(TARGET.registry(), TARGET.repository(), TARGET.tag(),
                "sha256:" + "c".repeat(64));
        assertThrows(IOException.class, () -> PushState.load(folder, otherImage));
        assertNotEquals(TARGET.key(), otherImage.key(), "each push has its own folder");
    }

    @Test
    void aLayerFileOutsideTheFolderIsRefused() throws IOException {
        PushState.fresh(folder, TARGET).started(ENTRY, 1, "layer-1.gz", Optional.empty());
        String saved = Files.readString(folder.resolve(PushState.FILE)).replace("layer-1.gz", "../../.ssh/id_rsa");
        Files.writeString(folder.resolve(PushState.FILE), saved);
        assertThrows(IOException.class, () -> PushState.load(folder, TARGET));
    }

    @Test
    void theFileHoldsNoFieldForASecret() throws IOException {
        // The state's shape has no credential at all; the real password is searched for in ResumePushIT.
        PushState.fresh(folder, TARGET).started(ENTRY, 1, "layer-1.gz", Optional.empty());
        String saved = Files.readString(folder.resolve(PushState.FILE)).toLowerCase();
        for (String word : new String[] {"password", "token", "authorization", "secret"}) {
            assertFalse(saved.contains(word), word + " in " + saved);
        }
    }
}
