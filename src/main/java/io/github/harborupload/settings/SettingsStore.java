package io.github.harborupload.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in the app's config folder.
 *
 * <p>Reading never fails: a missing file gives the defaults, a field of the wrong type gives that
 * field's default, and a file that is not JSON at all is moved aside to {@code settings.json.invalid}
 * (so the user can look at it) before the defaults are used.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public SettingsStore(Path folder) {
        this.file = folder.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            setAside(e);
            return Settings.defaults();
        }
        if (root == null || !root.isObject()) {
            setAside(null);
            return Settings.defaults();
        }
        return new Settings(
                text(root, "harborAddress"),
                text(root, "platformAddress"),
                text(root, "lastUsername"),
                text(root, "language"),
                number(root, "windowWidth"),
                number(root, "windowHeight"),
                text(root, "pushVia"));
    }

    public void save(Settings settings) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("harborAddress", settings.harborAddress());
        root.put("platformAddress", settings.platformAddress());
        root.put("lastUsername", settings.lastUsername());
        root.put("language", settings.language());
        root.put("windowWidth", settings.windowWidth());
        root.put("windowHeight", settings.windowHeight());
        root.put("pushVia", settings.pushVia());
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /**
     * The settings changed and, when that changed anything, saved: both faces change them this way.
     * A file that cannot be written is logged, never a reason to stop.
     *
     * @return the changed settings, also when they could not be saved
     */
    public Settings update(Settings current, UnaryOperator<Settings> change) {
        Settings changed = change.apply(current);
        if (!changed.equals(current)) {
            try {
                save(changed);
            } catch (IOException e) {
                LOG.warn("could not save settings to {}: {}", file, e.getMessage());
            }
        }
        return changed;
    }

    private void setAside(Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".invalid");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{} was not valid settings; moved it to {} and started from the defaults", file, aside);
        } catch (IOException e) {
            LOG.warn("{} was not valid settings and could not be moved aside: {}", file, e.getMessage());
        }
        if (cause != null) {
            LOG.debug("settings parse error", cause);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static double number(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isNumber() ? value.asDouble() : 0;
    }
}
