package io.github.harborupload.docker;

/** The engine could not be reached at all: no socket, connection refused, no permission on the socket. */
public class EngineUnreachableException extends EngineException {

    private final String endpoint;

    public EngineUnreachableException(String endpoint, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
    }

    /** Where the engine was looked for, e.g. {@code unix:///var/run/docker.sock}. */
    public String endpoint() {
        return endpoint;
    }
}
