package io.github.harborupload.registry;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A registry call that failed for good (after the uploader's own retries), with the server's or the
 * network's words. The message is technical English, bounded, and never holds a password or a
 * token ({@link SecretMask}); the problems layer names it by {@link #kind()}.
 */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as precisely as the answer tells. */
    public enum Kind {
        /** 401 with the login: the username or password is wrong, or the token service refused it. */
        AUTH_REFUSED,
        /** 403 or {@code DENIED}: the login is fine but may not push (or pull) here. */
        DENIED,
        /** Harbor's quota: "will exceed the configured upper limit", "quota exceeded". */
        QUOTA,
        /** 404: no such repository, blob or manifest where one was needed. */
        NOT_FOUND,
        /** 413 even at the smallest chunk; {@link #bodyLimit()} holds the largest body refused. */
        BODY_TOO_LARGE,
        /**
         * The commit failed (502/504/no answer: a gateway that stopped waiting) and the blob was still
         * absent after polling, again and again: the gateway's read timeout is shorter than the commit.
         */
        GATEWAY_TIMEOUT,
        /** 5xx (or 429) for longer than the retries last. */
        UNAVAILABLE,
        /** An answer the protocol does not allow: a digest that does not match, no Location. */
        PROTOCOL,
        /** The name does not resolve. */
        HOST_NOT_FOUND,
        /** The TLS handshake failed (an untrusted certificate, or not TLS at all). */
        TLS,
        /** No answer: refused, reset, timed out, for longer than the retries last. */
        NETWORK,
        /** The calling thread was interrupted. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;
    private final long bodyLimit;

    /**
     * @param status    the HTTP status, 0 when there was no answer
     * @param bodyLimit the smallest body a gateway refused with 413, or -1
     * @param message   technical, bounded, with no secret in it (see {@code SecretMask})
     */
    public RegistryException(Kind kind, int status, long bodyLimit, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.bodyLimit = bodyLimit;
    }

    RegistryException(Kind kind, int status, String message) {
        this(kind, status, -1, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** For {@link Kind#BODY_TOO_LARGE}: the smallest request body a gateway refused. */
    public OptionalLong bodyLimit() {
        return bodyLimit < 0 ? OptionalLong.empty() : OptionalLong.of(bodyLimit);
    }
}
