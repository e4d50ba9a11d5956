package io.github.harborupload.docker;

/**
 * A failure reported by, or on the way to, the Docker engine. {@link #getMessage()} is the engine's
 * own text, kept verbatim so the problems layer can recognise it and show it as detail.
 */
public class EngineException extends RuntimeException {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
