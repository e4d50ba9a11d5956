package io.github.harborupload.docker.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The docker CLI's config folder: {@code $DOCKER_CONFIG} when set, else {@code ~/.docker}. It holds
 * {@code config.json} and the {@code contexts} store.
 */
public record DockerConfigFolder(Path path) {

    public DockerConfigFolder {
        Objects.requireNonNull(path, "path");
    }

    /** The folder the CLI would use with this environment and home folder. */
    public static DockerConfigFolder locate(Map<String, String> env, Path home) {
        String configured = env.get("DOCKER_CONFIG");
        if (configured != null && !configured.isEmpty()) {
            return new DockerConfigFolder(Path.of(configured));
        }
        return new DockerConfigFolder(home.resolve(".docker"));
    }

    /** The folder for this process's environment and the user's home. */
    public static DockerConfigFolder forCurrentUser() {
        return locate(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path configFile() {
        return path.resolve("config.json");
    }

    /** The context's {@code meta.json}; the CLI names each context's folder by the SHA-256 of its name. */
    public Path contextMetaFile(String context) {
        return path.resolve("contexts").resolve("meta").resolve(contextFolderName(context)).resolve("meta.json");
    }

    /** The folder holding the context's {@code ca.pem}, {@code cert.pem} and {@code key.pem} for the engine. */
    public Path contextTlsFolder(String context) {
        return path.resolve("contexts").resolve("tls").resolve(contextFolderName(context)).resolve("docker");
    }

    private static String contextFolderName(String context) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(context.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
