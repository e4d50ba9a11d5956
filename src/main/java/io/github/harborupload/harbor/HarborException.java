package io.github.harborupload.harbor;

import io.github.harborupload.registry.ConnectionFailure;
import java.util.Objects;

/**
 * A Harbor check that failed for real: no connection, or an answer that is an error (a registry
 * without Harbor's API is not one; see {@link HarborCheck#skipped}). The message is technical, in
 * English, and never holds a password.
 */
public final class HarborException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No answer; {@link #connectionFailure()} says why. */
        CONNECTION,
        /** 401 on a call that needs a login: the credentials are wrong, or none were given. */
        UNAUTHORIZED,
        /** 403: the user may not read this. */
        FORBIDDEN,
        /** Harbor says the project does not exist. */
        PROJECT_NOT_FOUND,
        /** Harbor answered an error, or an answer it should not give. */
        SERVER_ERROR,
        /** The calling thread was interrupted. */
        CANCELLED
    }

    private final Kind kind;
    private final ConnectionFailure connectionFailure;
    private final int status;

    HarborException(Kind kind, int status, String message) {
        this(kind, null, status, message, null);
    }

    HarborException(ConnectionFailure failure, String message, Throwable cause) {
        this(Kind.CONNECTION, failure, 0, message, cause);
    }

    private HarborException(Kind kind, ConnectionFailure failure, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.connectionFailure = failure;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** Why there was no answer; null unless {@link Kind#CONNECTION}. */
    public ConnectionFailure connectionFailure() {
        return connectionFailure;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
