package io.github.harborupload.docker;

/**
 * The push stream ended in an error. The engine sends these inside an HTTP 200 stream as
 * {@code errorDetail}; the message is that text, verbatim.
 */
public class PushFailedException extends EngineException {

    public PushFailedException(String message) {
        super(message);
    }

    public PushFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
