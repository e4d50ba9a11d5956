package io.github.harborupload.docker.config;

/**
 * A failure with the docker CLI's configuration: its files, its credential helpers or its contexts.
 * Messages name files and programs but never hold a secret or a file's content.
 */
public class DockerConfigException extends RuntimeException {

    public DockerConfigException(String message) {
        super(message);
    }

    public DockerConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
