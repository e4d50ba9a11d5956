package io.github.harborupload.docker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's {@code config.json}, held as a JSON tree so that every key this program does not
 * know (proxies, plugins, aliases, fields inside login entries, …) is written back as it was, in
 * its order. Change it with the {@code put…}/{@code remove…} methods, then {@link #write()}.
 *
 * <p>Logins live in {@code auths}, keyed as {@link RegistryKey} says, each {@code {"auth":
 * base64("user:password")}}; {@code credsStore} and {@code credHelpers} name the credential
 * helpers that keep the secrets instead.
 */
public final class DockerConfigFile {

    private static final String AUTHS = "auths";
    private static final String CREDS_STORE = "credsStore";
    private static final String CRED_HELPERS = "credHelpers";
    private static final String CURRENT_CONTEXT = "currentContext";
    /** The fields of a login entry that carry a secret or the user name; the rest (email, …) stays. */
    private static final List<String> LOGIN_FIELDS =
            List.of("auth", "username", "password", "identitytoken", "registrytoken");

    private final Path file;
    private final ObjectNode root;

    private DockerConfigFile(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads the file. A missing or blank file is an empty configuration, as for the CLI.
     *
     * @throws ConfigFileException UNREADABLE when it cannot be read, INVALID when it is not JSON or
     *                             its known keys have the wrong types
     */
    public static DockerConfigFile read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new DockerConfigFile(file, ConfigJson.MAPPER.createObjectNode());
        } catch (IOException e) {
            throw ConfigFileException.unreadable(file, e);
        }
        JsonNode tree = ConfigJson.parse(file, content);
        if (tree.isMissingNode() || tree.isNull()) {
            return new DockerConfigFile(file, ConfigJson.MAPPER.createObjectNode());
        }
        if (!tree.isObject()) {
            throw ConfigFileException.invalid(file, "is not a JSON object");
        }
        DockerConfigFile config = new DockerConfigFile(file, (ObjectNode) tree);
        config.checkKnownKeys();
        return config;
    }

    public Path file() {
        return file;
    }

    /** The context {@code docker context use} chose, if any. */
    public Optional<String> currentContext() {
        return nonEmpty(textAt(root, CURRENT_CONTEXT, "the top level"));
    }

    /** The credential helper for all registries ({@code credsStore}), if any. */
    public Optional<String> credsStore() {
        return nonEmpty(textAt(root, CREDS_STORE, "the top level"));
    }

    public void setCredsStore(String helper) {
        root.put(CREDS_STORE, helper);
    }

    /**
     * The {@code credHelpers} entry for this registry, if there is one. An empty name is a real
     * answer: the CLI then keeps this registry's login in the file even when {@code credsStore} is set.
     */
    public Optional<String> credentialHelper(String registry) {
        JsonNode helpers = root.path(CRED_HELPERS);
        return keysFor(helpers, registry).stream().findFirst().map(key -> helpers.get(key).asText());
    }

    /** Whether any login setting is present; the CLI picks a default keychain helper only when none is. */
    public boolean containsAuth() {
        return credsStore().isPresent() || !root.path(CRED_HELPERS).isEmpty() || !root.path(AUTHS).isEmpty();
    }

    /** The keys in {@code auths} that name this registry: the CLI's own key first, then older spellings. */
    public List<String> authKeys(String registry) {
        return keysFor(root.path(AUTHS), registry);
    }

    /**
     * The login stored in {@code auths} for this registry: {@code auth} first, else the legacy
     * {@code username}/{@code password} fields. An {@code identitytoken} is returned with the user
     * name {@link CredentialHelper#IDENTITY_TOKEN_USERNAME}. An entry without any (such as the
     * {@code {}} the CLI leaves when a helper holds the secret) is no login.
     *
     * @throws ConfigFileException INVALID when the entry's {@code auth} is not base64 of user:password
     */
    public Optional<Credential> credential(String registry) {
        List<String> keys = authKeys(registry);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String key = keys.get(0);
        JsonNode entry = root.path(AUTHS).path(key);
        String where = "the auths entry for " + key;
        String token = textAt(entry, "identitytoken", where);
        if (!token.isEmpty()) {
            return Optional.of(new Credential(CredentialHelper.IDENTITY_TOKEN_USERNAME, token));
        }
        String auth = textAt(entry, "auth", where);
        if (!auth.isEmpty()) {
            return Optional.of(decodeAuth(auth, where));
        }
        String username = textAt(entry, "username", where);
        if (!username.isEmpty()) {
            return Optional.of(new Credential(username, textAt(entry, "password", where)));
        }
        return Optional.empty();
    }

    /**
     * Stores the login in {@code auths} under the registry's key, as {@code docker login} does without
     * a helper. Other fields of an existing entry stay; its old secrets go.
     */
    public void putCredential(String registry, Credential credential) {
        ObjectNode entry = clearedEntry(registry);
        if (credential.username().equals(CredentialHelper.IDENTITY_TOKEN_USERNAME)) {
            entry.put("identitytoken", credential.password());
        } else {
            String userAndPassword = credential.username() + ":" + credential.password();
            entry.put("auth", Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * Leaves the entry the CLI leaves in {@code auths} after a helper stored the secret: the
     * registry's key with no secret in it ({@code {}} when new).
     */
    public void putHelperMarker(String registry) {
        clearedEntry(registry);
    }

    /** Removes every {@code auths} entry naming this registry; true when there was one. */
    public boolean removeCredentials(String registry) {
        List<String> keys = authKeys(registry);
        if (keys.isEmpty()) {
            return false;
        }
        ((ObjectNode) root.get(AUTHS)).remove(keys);
        return true;
    }

    /**
     * Writes the file the way the CLI does, but never half-way: a temporary file in the same folder,
     * flushed to disk, then renamed over the old one. The file is readable by its owner only
     * (0600) and a folder this creates is 0700, where the file system has POSIX permissions. A
     * symbolic link at the file's place is followed, so a link to a dotfiles folder stays a link.
     *
     * @throws ConfigFileException UNWRITABLE when it cannot be written (read-only file or folder, a
     *                             folder in its place, a full disk); the old file is then unchanged
     */
    public void write() {
        try {
            AtomicFile.write(file, ConfigJson.tabIndented(root));
        } catch (IOException e) {
            throw ConfigFileException.unwritable(file, e);
        }
    }

    private void checkKnownKeys() {
        for (String key : List.of(CREDS_STORE, CURRENT_CONTEXT)) {
            textAt(root, key, "the top level");
        }
        JsonNode auths = root.path(AUTHS);
        requireObjectOrAbsent(auths, "\"auths\"");
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            requireObjectOrAbsent(entry.getValue(), "the auths entry for " + entry.getKey());
        }
        JsonNode helpers = root.path(CRED_HELPERS);
        requireObjectOrAbsent(helpers, "\"credHelpers\"");
        for (Map.Entry<String, JsonNode> entry : helpers.properties()) {
            if (!entry.getValue().isTextual()) {
                throw ConfigFileException.invalid(file, "has a credHelpers entry for " + entry.getKey() + " that is not text");
            }
        }
    }

    private void requireObjectOrAbsent(JsonNode node, String what) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw ConfigFileException.invalid(file, "has " + what + " that is not a JSON object");
        }
    }

    /** The entry under the registry's own key, created when missing, with its login fields removed. */
    private ObjectNode clearedEntry(String registry) {
        String key = RegistryKey.of(registry);
        JsonNode auths = root.path(AUTHS);
        ObjectNode authsObject = auths.isObject() ? (ObjectNode) auths : root.putObject(AUTHS);
        JsonNode existing = authsObject.path(key);
        ObjectNode entry = existing.isObject() ? (ObjectNode) existing : authsObject.putObject(key);
        entry.remove(LOGIN_FIELDS);
        return entry;
    }

    private static List<String> keysFor(JsonNode object, String registry) {
        String ownKey = RegistryKey.of(registry);
        List<String> keys = new ArrayList<>();
        if (object.has(ownKey)) {
            keys.add(ownKey);
        }
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            if (!key.equals(ownKey) && RegistryKey.sameRegistry(key, registry)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private Credential decodeAuth(String auth, String where) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ConfigFileException.invalid(file, "has an \"auth\" in " + where + " that is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw ConfigFileException.invalid(file, "has an \"auth\" in " + where + " that is not user:password");
        }
        // The CLI trims NUL padding that some tools leave after the password.
        String password = decoded.substring(colon + 1).replaceAll("^\u0000+|\u0000+$", "");
        return new Credential(decoded.substring(0, colon), password);
    }

    /** The text at {@code field}, or "" when absent or null. */
    private String textAt(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw ConfigFileException.invalid(file, "has a \"" + field + "\" in " + where + " that is not text");
        }
        return value.asText();
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
