package io.github.harborupload.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads made from this computer, newest first, in {@code uploads.json} beside the settings:
 * written whole and atomically after each change, at most {@link #LIMIT} entries, no secrets. The
 * flow records a push when it succeeds and marks it imported when the platform confirms it, so both
 * faces keep the same list.
 *
 * <p>Keeping it is best effort, as with the settings: a file that cannot be written is logged, never
 * a reason to fail a push. A file that cannot be read is renamed {@code uploads.json.damaged} and the
 * list starts empty; {@link #setAside()} then names it, so the face can say where it went.
 */
public final class UploadHistory {

    /** Enough to find last term's images; small enough to read at every start (about 60 KB). */
    public static final int LIMIT = 200;
    static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(UploadHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private Path setAside;

    public UploadHistory(Path folder) {
        this.file = folder.resolve("uploads.json");
    }

    public Path file() {
        return file;
    }

    /** The uploads, newest first. */
    public synchronized List<PastUpload> list() {
        return read();
    }

    /** The newest upload, if any: its image is the one the tag step proposes first. */
    public Optional<PastUpload> latest() {
        return list().stream().findFirst();
    }

    /** Where an unreadable history was moved during this run, if it was. */
    public synchronized Optional<Path> setAside() {
        return Optional.ofNullable(setAside);
    }

    /**
     * A push that succeeded, first in the list. The same link pushed again replaces its entry and
     * stays imported if it was: the platform's record names the link, which now serves the new digest.
     */
    public synchronized void recordPush(String image, String link, String digest, Instant pushed) {
        List<PastUpload> uploads = read();
        boolean imported = uploads.stream().anyMatch(upload -> upload.link().equals(link) && upload.imported());
        uploads.removeIf(upload -> upload.link().equals(link));
        uploads.add(0, new PastUpload(image, link, digest, pushed, imported));
        write(uploads.size() > LIMIT ? uploads.subList(0, LIMIT) : uploads);
    }

    /** The platform confirmed this link in the user's list. A link never pushed from here is not added. */
    public synchronized void markImported(String link) {
        List<PastUpload> uploads = read();
        if (uploads.stream().noneMatch(upload -> upload.link().equals(link) && !upload.imported())) {
            return;
        }
        uploads.replaceAll(upload -> upload.link().equals(link) ? upload.asImported() : upload);
        write(uploads);
    }

    private List<PastUpload> read() {
        List<PastUpload> uploads = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return uploads;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("version").asInt() != VERSION || !root.path("uploads").isArray()) {
                throw new IOException("not a version " + VERSION + " list of uploads");
            }
            for (JsonNode entry : root.path("uploads")) {
                uploads.add(new PastUpload(entry.path("image").asText(), entry.path("link").asText(),
                        entry.path("digest").asText(), Instant.parse(entry.path("pushed").asText()),
                        entry.path("imported").asBoolean()));
            }
            return uploads;
        } catch (IOException | DateTimeParseException e) {
            setAsideDamaged(e);
            return new ArrayList<>();
        }
    }

    private void write(List<PastUpload> uploads) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ArrayNode array = root.putArray("uploads");
        uploads.forEach(upload -> array.add(asJson(upload)));
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.warn("could not record the upload in {}: {}", file, e.getMessage());
        }
    }

    /** One upload as the file keeps it and {@code harbor-upload history --json} prints it. */
    public static ObjectNode asJson(PastUpload upload) {
        return JSON.createObjectNode()
                .put("image", upload.image())
                .put("link", upload.link())
                .put("digest", upload.digest())
                .put("pushed", upload.pushed().toString())
                .put("imported", upload.imported());
    }

    private void setAsideDamaged(Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            setAside = aside;
            LOG.warn("{} could not be read ({}); moved it to {} and started an empty list", file, cause.getMessage(), aside);
        } catch (IOException e) {
            LOG.warn("{} could not be read ({}) nor moved aside: {}", file, cause.getMessage(), e.getMessage());
        }
    }
}
