package io.github.harborupload.docker.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.EngineLocation.Tls;
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
 * elsewhere; on macOS, when that is missing, the first of {@link MacEngineSockets} that exists).
 */
public final class EngineLocator {

    static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");
    static final String DEFAULT_WINDOWS_HOST = "npipe:////./pipe/docker_engine";
    /** docker/cli opts/hosts.go, defaultTLSHost. */
    static final String DEFAULT_TLS_HOST = "tcp://localhost:2376";
    private static final String DEFAULT_CONTEXT = "default";

    private final DockerConfigFolder folder;
    private final Map<String, String> env;
    private final String osName;
    private final Path systemSocket;

    public EngineLocator(DockerConfigFolder folder, Map<String, String> env, String osName) {
        this(folder, env, osName, SYSTEM_SOCKET);
    }

    /** With another system socket, so a test can say whether it exists. */
    EngineLocator(DockerConfigFolder folder, Map<String, String> env, String osName, Path systemSocket) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.env = Map.copyOf(env);
        this.osName = Objects.requireNonNull(osName, "osName");
        this.systemSocket = Objects.requireNonNull(systemSocket, "systemSocket");
    }

    public static EngineLocator forCurrentUser() {
        return new EngineLocator(DockerConfigFolder.forCurrentUser(), System.getenv(), System.getProperty("os.name"));
    }

    /**
     * Where the engine is, and whether to speak TLS to it. Outside a named context (with
     * {@code DOCKER_HOST}, or in the context "default") TLS comes from the environment:
     * {@code DOCKER_TLS} asks for it, {@code DOCKER_TLS_VERIFY} asks for it verified, each when set
     * to anything non-empty (even "0"), with the files in {@code DOCKER_CERT_PATH} or else the
     * config folder; TLS without {@code DOCKER_HOST} means {@code tcp://localhost:2376}. A named
     * context ignores those variables: its TLS files ask for verified TLS, its {@code SkipTLSVerify}
     * for TLS without verification, with or without files.
     *
     * @throws ContextNotFoundException when the chosen context does not exist
     * @throws ConfigFileException      when {@code config.json} or the context's {@code meta.json}
     *                                  cannot be read or is invalid
     */
    public EngineLocation locate() {
        Optional<String> dockerHost = variable("DOCKER_HOST");
        if (dockerHost.isPresent()) {
            return fromEnvironment(dockerHost.get(), "DOCKER_HOST");
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
            return fromEnvironment(null, "default");
        }
        return fromContext(context, chosenBy);
    }

    /**
     * docker/cli cli/flags/options.go (SetDefaultOptions: DOCKER_TLS_VERIFY implies TLS, verification
     * only with it) and cli/command/cli.go (resolveDefaultDockerEndpoint: the default host is the
     * TLS one, opts/hosts.go defaultTLSHost, when TLS is on).
     */
    private EngineLocation fromEnvironment(String dockerHost, String origin) {
        boolean verify = variable("DOCKER_TLS_VERIFY").isPresent();
        Tls tls = verify ? Tls.VERIFIED : variable("DOCKER_TLS").isPresent() ? Tls.UNVERIFIED : Tls.PLAIN;
        Path certificates = tls == Tls.PLAIN ? null : variable("DOCKER_CERT_PATH").map(Path::of).orElse(folder.path());
        String host = dockerHost != null ? dockerHost
                : tls != Tls.PLAIN ? DEFAULT_TLS_HOST
                : defaultSocket();
        return new EngineLocation(host, tls, certificates, origin);
    }

    private String defaultSocket() {
        return switch (OsFamily.of(osName)) {
            case WINDOWS -> DEFAULT_WINDOWS_HOST;
            case MAC -> "unix://" + MacEngineSockets.choose(systemSocket, env);
            default -> "unix://" + systemSocket;
        };
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
        // docker/cli cli/context/docker/load.go, tlsConfig: no TLS files and no SkipTLSVerify is the
        // only plain case; SkipTLSVerify keeps TLS (and the client certificate) and skips verification.
        Path tlsFolder = folder.contextTlsFolder(context);
        boolean hasTls = Files.isDirectory(tlsFolder);
        boolean skipVerify = endpoint.path("SkipTLSVerify").asBoolean(false);
        Tls tls = skipVerify ? Tls.UNVERIFIED : hasTls ? Tls.VERIFIED : Tls.PLAIN;
        return new EngineLocation(host.asText(), tls, hasTls ? tlsFolder : null, "context " + context);
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty());
    }
}
