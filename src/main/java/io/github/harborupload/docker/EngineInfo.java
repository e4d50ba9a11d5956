package io.github.harborupload.docker;

/**
 * What the engine says about itself.
 *
 * @param version    the engine's version, e.g. {@code 20.10.24+dfsg1}
 * @param apiVersion the highest Engine API version it speaks, e.g. {@code 1.41}
 * @param os         {@code linux} or {@code windows} (the engine's, not this machine's)
 * @param arch       e.g. {@code amd64}
 */
public record EngineInfo(String version, String apiVersion, String os, String arch) {
}
