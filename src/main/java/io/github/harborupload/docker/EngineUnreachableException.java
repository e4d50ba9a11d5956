package io.github.harborupload.docker;

/**
 * The engine could not be reached at all (no socket, connection refused, no permission on the
 * socket), or the connection to it broke in the middle of a call.
 */
public class EngineUnreachableException extends EngineException {

    /** Why the engine could not be reached, so the problems layer can give the right advice. */
    public enum Reason {
        /** The socket or named pipe does not exist (the engine is not running or not installed), or the host is unknown. */
        NOT_FOUND,
        /** Something is there but nothing accepts connections. */
        REFUSED,
        /** The socket exists but this user may not open it (not in the docker group). */
        PERMISSION_DENIED,
        /** The connection opened, then broke before the engine finished answering (the engine stopped?). */
        CONNECTION_LOST,
        /**
         * TLS was asked for (DOCKER_TLS, DOCKER_TLS_VERIFY, a context's TLS files or SkipTLSVerify)
         * but could not be had: its files are unreadable or invalid, or the handshake failed.
         * Nothing was sent in clear instead.
         */
        TLS,
        /** Anything else; the message says what. */
        OTHER
    }

    private final String endpoint;
    private final Reason reason;

    public EngineUnreachableException(String endpoint, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.reason = reason;
    }

    public EngineUnreachableException(String endpoint, String message, Throwable cause) {
        this(endpoint, Reason.OTHER, message, cause);
    }

    /** Where the engine was looked for, e.g. {@code unix:///var/run/docker.sock}. */
    public String endpoint() {
        return endpoint;
    }

    public Reason reason() {
        return reason;
    }
}
