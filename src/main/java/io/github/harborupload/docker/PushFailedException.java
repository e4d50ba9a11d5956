package io.github.harborupload.docker;

/**
 * The push failed. Usually the engine said why: it sends the error inside an HTTP 200 stream as
 * {@code errorDetail} (or, rarely, refuses the request with an HTTP error), and the message is that
 * text, verbatim. When the stream ended without an error and without the final digest, nobody said
 * why: {@link #endedWithoutResult()} is true.
 */
public class PushFailedException extends EngineException {

    private final boolean endedWithoutResult;

    public PushFailedException(String message) {
        this(message, null, false);
    }

    public PushFailedException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private PushFailedException(String message, Throwable cause, boolean endedWithoutResult) {
        super(message, cause);
        this.endedWithoutResult = endedWithoutResult;
    }

    /** The stream ended cleanly but carried neither an error nor the pushed image's digest. */
    public static PushFailedException withoutResult() {
        return new PushFailedException(
                "the push stream ended without an error and without the image digest: the push did not finish",
                null, true);
    }

    public boolean endedWithoutResult() {
        return endedWithoutResult;
    }
}
