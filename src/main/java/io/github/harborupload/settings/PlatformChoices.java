package io.github.harborupload.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.files.AtomicFile;
import io.github.harborupload.platform.SignInMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the user chose on the platform last time, offered first next time: the sign-in method per
 * platform address, and the import tags per repository. Kept in {@code platform-choices.json}
 * beside the settings; no secrets. The file is read once, at the first question (the import step
 * asks on the FX thread), and each choice is written through. Remembering is best effort: a file
 * that cannot be read or written only means nothing is remembered.
 */
public final class PlatformChoices {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformChoices.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGN_IN = "signIn";
    private static final String IMPORT_TAGS = "importTags";

    private final Path file;
    /** The file's content, read at the first question; null until then. */
    private ObjectNode choices;

    public PlatformChoices(Path folder) {
        this.file = folder.resolve("platform-choices.json");
    }

    /** The method last used to sign in at this platform address. */
    public synchronized Optional<SignInMethod> signInMethod(String platformAddress) {
        return SignInMethod.fromValue(choices().path(SIGN_IN).path(platformAddress).asText(""));
    }

    public synchronized void rememberSignInMethod(String platformAddress, SignInMethod method) {
        objectIn(choices(), SIGN_IN).put(platformAddress, method.value());
        write();
    }

    /** The tags last imported with an image of this repository ({@code user-alice/torch}). */
    public synchronized List<String> importTags(String repository) {
        List<String> tags = new ArrayList<>();
        choices().path(IMPORT_TAGS).path(repository).forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    public synchronized void rememberImportTags(String repository, List<String> tags) {
        objectIn(choices(), IMPORT_TAGS).putArray(repository).addAll(tags.stream().map(JSON.getNodeFactory()::textNode).toList());
        write();
    }

    private ObjectNode choices() {
        if (choices == null) {
            choices = read();
        }
        return choices;
    }

    private ObjectNode read() {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return root instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            LOG.warn("could not read {}: {}", file, e.getMessage());
            return JSON.createObjectNode();
        }
    }

    private static ObjectNode objectIn(ObjectNode root, String field) {
        return root.get(field) instanceof ObjectNode object ? object : root.putObject(field);
    }

    private void write() {
        try {
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(choices));
        } catch (IOException e) {
            LOG.warn("could not remember the platform choices in {}: {}", file, e.getMessage());
        }
    }
}
