package io.github.harborupload.docker;

import java.nio.file.Path;

/**
 * Where the Docker engine listens, found the way the docker CLI finds it.
 *
 * @param host      {@code unix:///…}, {@code npipe:////./pipe/…} or {@code tcp://host:port}
 * @param tlsVerify whether to verify the engine's TLS certificate (tcp only)
 * @param certPath  folder with ca.pem, cert.pem and key.pem, or null
 * @param origin    how it was found, for messages: "DOCKER_HOST", "context <name>" or "default"
 */
public record EngineLocation(String host, boolean tlsVerify, Path certPath, String origin) {

    public static EngineLocation of(String host, String origin) {
        return new EngineLocation(host, false, null, origin);
    }
}
