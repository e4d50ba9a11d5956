package io.github.harborupload.pusher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.files.AtomicFile;
import io.github.harborupload.registry.BlobSource;
import io.github.harborupload.registry.UploadSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one push has done, on disk beside its spool (cache/spool/&lt;key&gt;/state.json), so a pause, a
 * restart or a killed process loses at most the chunk in flight. Per layer: its spool file, whether
 * the spool is complete (then its digest and size), the registry's upload session and the offset the
 * registry confirmed. Written atomically after every change; never a secret (the session URL is
 * the registry's own, see {@link UploadSession}).
 *
 * <p>Layers are keyed by their path in the engine's export, which names the same layer the same way
 * every time (docker 20.10's v1 IDs are derived from the content, OCI paths are digests), because a
 * layer's diff_id is known only at the end of its entry.
 */
final class PushState {

    static final String FILE = "state.json";
    private static final String CONFIG = "config.json";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The push this state belongs to: the folder is named for it, and a state of another is stale. */
    record Target(String registry, String repository, String tag, String imageId) {

        Target {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(imageId, "imageId");
        }

        /** The folder's name: a hash, so a tag's characters never reach the file system. */
        String key() {
            String joined = registry + "\n" + repository + "\n" + tag + "\n" + imageId;
            // The first 16 bytes of the hash, as hex.
            return BlobSource.sha256(joined.getBytes(StandardCharsets.UTF_8)).substring("sha256:".length(), "sha256:".length() + 32);
        }
    }

    /**
     * One layer as far as it got. {@code digest} and {@code size} are set once the spool is complete;
     * {@code session} (with {@code offset}) while the registry holds an open upload of it.
     */
    record Layer(String entry, long entrySize, String diffId, String spool, boolean complete, String digest, long size,
            String session, long offset) {

        Optional<UploadSession> upload() {
            return session == null ? Optional.empty() : Optional.of(new UploadSession(URI.create(session), offset));
        }

        Layer withSession(Optional<UploadSession> open) {
            return new Layer(entry, entrySize, diffId, spool, complete, digest, size,
                    open.map(s -> s.location().toString()).orElse(null), open.map(UploadSession::offset).orElse(0L));
        }
    }

    /** The file's shape. */
    record Saved(int version, Target target, double fraction, List<Layer> layers) {
    }

    private final Path folder;
    private final Target target;
    // Guarded by this.
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private double fraction;

    private PushState(Path folder, Target target) {
        this.folder = folder;
        this.target = target;
    }

    /** A state with nothing done yet; nothing is written until the first change. */
    static PushState fresh(Path folder, Target target) {
        return new PushState(folder, target);
    }

    /**
     * The state saved in {@code folder} for {@code target}, or empty when there is none.
     *
     * @throws IOException when it cannot be read, is damaged, or belongs to another push
     */
    static Optional<PushState> load(Path folder, Target target) throws IOException {
        Saved saved;
        try {
            saved = JSON.readValue(Files.readAllBytes(folder.resolve(FILE)), Saved.class);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IOException("the saved state of the push is damaged: " + e.getOriginalMessage(), e);
        }
        if (saved.version() != VERSION || !target.equals(saved.target()) || saved.layers() == null) {
            throw new IOException("the saved state belongs to another push or another version");
        }
        PushState state = new PushState(folder, target);
        state.fraction = saved.fraction();
        for (Layer layer : saved.layers()) {
            if (layer.entry() == null || layer.spool() == null || layer.spool().contains("/")
                    || layer.spool().contains("\\") || layer.spool().startsWith(".")) {
                throw new IOException("the saved state names a layer file outside its folder");
            }
            state.layers.put(layer.entry(), layer);
        }
        return Optional.of(state);
    }

    /** A summary of a saved state for the faces' resume offer, without checking its files. */
    static Optional<Saved> peek(Path folder) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(folder.resolve(FILE)), Saved.class));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    Path folder() {
        return folder;
    }

    synchronized Optional<Layer> layer(String entry) {
        return Optional.ofNullable(layers.get(entry));
    }

    synchronized List<Layer> layers() {
        return List.copyOf(layers.values());
    }

    /**
     * A layer starts (again) into a new spool file. The registry's session of an earlier run is kept
     * until the upload knows whether it can go on with it, so a pause before then loses nothing.
     */
    synchronized void started(String entry, long entrySize, String spool, Optional<UploadSession> session) {
        layers.put(entry, new Layer(entry, entrySize, null, spool, false, null, 0, null, 0).withSession(session));
        save();
    }

    /**
     * The layer's spool is complete: its bytes make {@code blob}, its tar made {@code diffId}. A
     * layer sent without a spool (the disk was short) never {@linkplain #started started} here:
     * there is nothing of it to resume.
     */
    synchronized void completed(String entry, String diffId, BlobRef blob) {
        Layer was = layers.get(entry);
        if (was == null) {
            return;
        }
        layers.put(entry, new Layer(entry, was.entrySize(), diffId, was.spool(), true, blob.digest(), blob.size(), was.session(), was.offset()));
        save();
    }

    /** The registry confirmed so much of the layer's upload (or holds no session of it). */
    synchronized void uploading(String entry, Optional<UploadSession> session) {
        Layer was = layers.get(entry);
        if (was == null || Objects.equals(was.upload(), session)) {
            return;
        }
        layers.put(entry, was.withSession(session));
        save();
    }

    /** How far the whole push got, for the faces' resume offer. */
    synchronized void fraction(double done) {
        fraction = done;
        save();
    }

    /**
     * Writes the state; a failure is left unsaid, because the state is never the reason a push fails
     * and a resume trusts it only as far as the files and the registry confirm it (each complete
     * spool is hashed again, each session asked for its status).
     */
    private void save() {
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new Saved(VERSION, target, fraction, new ArrayList<>(layers.values())));
            AtomicFile.write(folder.resolve(FILE), json);
        } catch (IOException e) {
            // See above: the push goes on; at worst a resume redoes more.
        }
    }

    /** The image's config as the export gave it, so a resume whose layers are all spooled needs no export. */
    void config(byte[] config) {
        try {
            AtomicFile.write(folder.resolve(CONFIG), config);
        } catch (IOException e) {
            // A resume then exports again, as without it.
        }
    }

    Optional<byte[]> savedConfig() {
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(CONFIG)));
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /** The saved state as found is not used: kept aside for a look, the push starts clean. */
    static void setAside(Path folder) {
        try {
            Files.move(folder.resolve(FILE), folder.resolve(FILE + ".set-aside"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A state that cannot even be moved is overwritten by the clean push's first write.
        }
    }
}
