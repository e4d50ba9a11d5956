package io.github.harborupload.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.files.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sessions in {@code platform-sessions.json} in the app's config folder, written atomically and
 * readable by the owner only (0600 on POSIX; on Windows the folder under %APPDATA% is the user's
 * own, and the content is sealed with DPAPI, see {@link FileSeal}). The fallback where no system
 * keychain is available. A file that cannot be read as sessions counts as holding none; the next
 * save replaces it.
 */
public final class FileSessionStore implements SessionStore {

    static final String FILE_NAME = "platform-sessions.json";

    private final Path file;
    private final FileSeal seal;

    /** @param configFolder the app's config folder (settings.AppFolders, one layer up, knows it) */
    public FileSessionStore(Path configFolder) {
        this(configFolder, FileSeal.NONE);
    }

    public FileSessionStore(Path configFolder, FileSeal seal) {
        this.file = configFolder.resolve(FILE_NAME);
        this.seal = seal;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void save(SessionTokens tokens) throws SessionStoreException {
        ObjectNode sessions = read();
        sessions.set(tokens.address().toString(), SessionJson.toJson(tokens));
        write(sessions);
    }

    @Override
    public synchronized Optional<SessionTokens> load(URI address) throws SessionStoreException {
        JsonNode kept = read().get(address.toString());
        return kept == null ? Optional.empty() : SessionJson.fromJson(address, kept);
    }

    @Override
    public synchronized void forget(URI address) throws SessionStoreException {
        ObjectNode sessions = read();
        if (sessions.remove(address.toString()) != null) {
            write(sessions);
        }
    }

    @Override
    public synchronized void forgetAll() throws SessionStoreException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SessionStoreException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode read() throws SessionStoreException {
        try {
            Optional<byte[]> content = seal.open(Files.readAllBytes(file));
            JsonNode json = content.isPresent() ? Envelope.JSON.readTree(content.get()) : null;
            return json != null && json.isObject() ? (ObjectNode) json : Envelope.JSON.createObjectNode();
        } catch (NoSuchFileException e) {
            return Envelope.JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return Envelope.JSON.createObjectNode();
        } catch (IOException e) {
            throw new SessionStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(ObjectNode sessions) throws SessionStoreException {
        try {
            AtomicFile.write(file, seal.seal(sessions.toPrettyString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SessionStoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
