package io.github.harborupload.docker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.harborupload.docker.EngineLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the Docker engine the way the docker CLI does: {@code DOCKER_HOST}; else the context named by
 * {@code DOCKER_CONTEXT} or by {@code currentContext} in {@code config.json}; else the platform's
 * default socket ({@code npipe:////./pipe/docker_engine} on Windows, {@code unix:///var/run/docker.sock}
 * elsewhere).
 */
public final class EngineLocator {

    static final String DEFAULT_UNIX_HOST = "unix:///var/run/docker.sock";
    static final String DEFAULT_WINDOWS_HOST = "npipe:////./pipe/docker_engine";
    private static final String DEFAULT_CONTEXT = "default";

    private final DockerConfigFolder folder;
    private final Map<String, String> env;
    private final String osName;

    public EngineLocator(DockerConfigFolder folder, Map<String, String> env, String osName) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.env = Map.copyOf(env);
        this.osName = Objects.requireNonNull(osName, "osName");
    }

    public static EngineLocator forCurrentUser() {
        return new EngineLocator(DockerConfigFolder.forCurrentUser(), System.getenv(), System.getProperty("os.name"));
    }

    /**
     * Where the engine is. With {@code DOCKER_HOST}, TLS is verified when {@code DOCKER_TLS_VERIFY}
     * is set to anything non-empty (as in the CLI, even "0"), with the certificates in
     * {@code DOCKER_CERT_PATH} or else the config folder. A context's TLS files are used when it
     * has them; its {@code SkipTLSVerify} turns verification off.
     *
     * @throws ContextNotFoundException when the chosen context does not exist
     * @throws ConfigFileException      when {@code config.json} or the context's {@code meta.json}
     *                                  cannot be read or is invalid
     */
    public EngineLocation locate() {
        Optional<String> dockerHost = variable("DOCKER_HOST");
        if (dockerHost.isPresent()) {
            return fromEnvironment(dockerHost.get());
        }
        Optional<String> fromVariable = variable("DOCKER_CONTEXT");
        String context;
        String chosenBy;
        if (fromVariable.isPresent()) {
            context = fromVariable.get();
            chosenBy = "DOCKER_CONTEXT";
        } else {
            DockerConfigFile config = DockerConfigFile.read(folder.configFile());
            context = config.currentContext().orElse(DEFAULT_CONTEXT);
            chosenBy = "currentContext in " + config.file();
        }
        if (context.equals(DEFAULT_CONTEXT)) {
            String host = OsFamily.of(osName) == OsFamily.WINDOWS ? DEFAULT_WINDOWS_HOST : DEFAULT_UNIX_HOST;
            return EngineLocation.of(host, "default");
        }
        return fromContext(context, chosenBy);
    }

    private EngineLocation fromEnvironment(String host) {
        boolean tlsVerify = variable("DOCKER_TLS_VERIFY").isPresent();
        Optional<Path> certPath = variable("DOCKER_CERT_PATH").map(Path::of);
        Path certificates = tlsVerify ? certPath.orElse(folder.path()) : certPath.orElse(null);
        return new EngineLocation(host, tlsVerify, certificates, "DOCKER_HOST");
    }

    private EngineLocation fromContext(String context, String chosenBy) {
        Path metaFile = folder.contextMetaFile(context);
        byte[] content;
        try {
            content = Files.readAllBytes(metaFile);
        } catch (NoSuchFileException e) {
            throw new ContextNotFoundException(context, chosenBy, metaFile);
        } catch (IOException e) {
            throw ConfigFileException.unreadable(metaFile, e);
        }
        JsonNode endpoint = ConfigJson.parse(metaFile, content).path("Endpoints").path("docker");
        JsonNode host = endpoint.path("Host");
        if (!host.isTextual() || host.asText().isEmpty()) {
            throw ConfigFileException.invalid(metaFile, "has no Docker endpoint (Endpoints.docker.Host)");
        }
        Path tlsFolder = folder.contextTlsFolder(context);
        boolean hasTls = Files.isDirectory(tlsFolder);
        boolean skipVerify = endpoint.path("SkipTLSVerify").asBoolean(false);
        return new EngineLocation(host.asText(), hasTls && !skipVerify, hasTls ? tlsFolder : null,
                "context " + context);
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty());
    }
}
