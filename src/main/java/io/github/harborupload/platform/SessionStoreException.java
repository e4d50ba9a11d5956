package io.github.harborupload.platform;

/** A session could not be kept, read or forgotten. The message never holds a token. */
public final class SessionStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    SessionStoreException(String message) {
        super(message);
    }

    SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
