package io.github.harborupload.docker;

import java.nio.file.Path;

/**
 * Where the Docker engine listens and how to speak to it, found the way the docker CLI finds it.
 *
 * @param host     {@code unix:///…}, {@code npipe:////./pipe/…} or {@code tcp://host:port}
 * @param tls      how to speak to a {@code tcp://} host; a socket or pipe ignores it, as in the CLI
 * @param certPath folder with any of ca.pem, cert.pem and key.pem, or null
 * @param origin   how it was found, for messages: "DOCKER_HOST", "context <name>" or "default"
 */
public record EngineLocation(String host, Tls tls, Path certPath, String origin) {

    /** docker's three ways to speak to a tcp host (docker/cli cli/context/docker/load.go, tlsConfig). */
    public enum Tls {
        /** Plain HTTP: only when nothing asked for TLS (no DOCKER_TLS*, no TLS files, no SkipTLSVerify). */
        PLAIN,
        /**
         * TLS that accepts any server certificate, yet still presents the client certificate
         * (DOCKER_TLS alone, or a context's SkipTLSVerify). The traffic is encrypted all the same.
         */
        UNVERIFIED,
        /** TLS that trusts ca.pem if there is one, else the system's authorities. */
        VERIFIED
    }

    public static EngineLocation of(String host, String origin) {
        return new EngineLocation(host, Tls.PLAIN, null, origin);
    }
}
