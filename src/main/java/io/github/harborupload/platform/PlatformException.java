package io.github.harborupload.platform;

import io.github.harborupload.i18n.Text;
import io.github.harborupload.registry.ConnectionFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A platform call that failed. Its message is technical English for the details (the call, the
 * HTTP status, the platform's code and {@code msg}); it never holds a token or a password.
 */
public final class PlatformException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, before the platform's own code says more. */
    public enum Kind {
        /** No answer at all; {@link #connectionFailure()} says why. */
        CONNECTION,
        /** An answer that is not JSON: a proxy's error page, a network login page, not the platform. */
        NOT_JSON,
        /** An empty answer where data was due (the import endpoint does this when it fails to look up the user). */
        EMPTY_ANSWER,
        /** An answer longer than this client reads. */
        TOO_LARGE,
        /** JSON, but not the documented shape: no envelope, a field missing or of the wrong type. */
        UNEXPECTED_ANSWER,
        /** The platform said no: HTTP status not 2xx or {@code code != 0}; see {@link #code()}, {@link #serverMessage()}. */
        SERVER_ERROR,
        /** The session ended and could not be renewed: sign in again. */
        SESSION_EXPIRED,
        /** Refused before sending: the platform would drop it silently; see {@link #reasons()}. */
        INVALID_IMPORT,
        /** The calling thread was interrupted. */
        CANCELLED
    }

    private final Kind kind;
    private final Endpoint endpoint;
    private final int status;
    private final Integer code;
    private final String serverMessage;
    private final ConnectionFailure connectionFailure;
    private final List<Text> reasons;

    private PlatformException(Builder builder, String message, Throwable cause) {
        super(message, cause);
        this.kind = builder.kind;
        this.endpoint = builder.endpoint;
        this.status = builder.status;
        this.code = builder.code;
        this.serverMessage = builder.serverMessage;
        this.connectionFailure = builder.connectionFailure;
        this.reasons = List.copyOf(builder.reasons);
    }

    /** A copy with another message and reasons, same cause and stack. */
    private PlatformException(PlatformException original, String message, List<Text> reasons) {
        super(message, original.getCause());
        this.kind = original.kind;
        this.endpoint = original.endpoint;
        this.status = original.status;
        this.code = original.code;
        this.serverMessage = original.serverMessage;
        this.connectionFailure = original.connectionFailure;
        this.reasons = List.copyOf(reasons);
        setStackTrace(original.getStackTrace());
    }

    static Builder of(Kind kind, Endpoint endpoint) {
        return new Builder(kind, endpoint);
    }

    public Kind kind() {
        return kind;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The platform's {@code code}; empty when the answer had none. */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** The platform's {@code msg}, verbatim; empty when it sent none. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Why there was no answer; null unless {@link Kind#CONNECTION}. */
    public ConnectionFailure connectionFailure() {
        return connectionFailure;
    }

    /** Why an import was refused before sending, in the user's words; empty for other kinds. */
    public List<Text> reasons() {
        return reasons;
    }

    /** This failure with one more reason for the user. */
    PlatformException withReason(Text reason) {
        List<Text> more = new ArrayList<>(reasons);
        more.add(reason);
        return new PlatformException(this, getMessage(), more);
    }

    /** This failure with the server's build in its message, so a report names the platform build. */
    PlatformException withServerBuild(String build) {
        return new PlatformException(this, getMessage() + " [platform " + build + "]", reasons);
    }

    /** HTTP 401 with code 40101 (TokenExpired): the access token needs a refresh. */
    boolean tokenExpired() {
        return kind == Kind.SERVER_ERROR && status == 401 && code != null && code == PlatformCodes.TOKEN_EXPIRED;
    }

    /** Collects the parts, then builds the exception with a message made from them. */
    static final class Builder {
        private final Kind kind;
        private final Endpoint endpoint;
        private int status;
        private Integer code;
        private String serverMessage = "";
        private ConnectionFailure connectionFailure;
        private List<Text> reasons = List.of();
        private String detail = "";

        private Builder(Kind kind, Endpoint endpoint) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        Builder status(int value) {
            status = value;
            return this;
        }

        Builder code(Integer value) {
            code = value;
            return this;
        }

        Builder serverMessage(String value) {
            serverMessage = value == null ? "" : value;
            return this;
        }

        Builder connectionFailure(ConnectionFailure value) {
            connectionFailure = value;
            return this;
        }

        Builder reasons(List<Text> value) {
            reasons = value;
            return this;
        }

        /** What the message says after the status and code: what was wrong with the answer. */
        Builder detail(String value) {
            detail = value;
            return this;
        }

        PlatformException build() {
            return build(null);
        }

        PlatformException build(Throwable cause) {
            StringBuilder message = new StringBuilder(endpoint.toString()).append(": ");
            if (status > 0) {
                message.append("HTTP ").append(status);
            }
            if (code != null) {
                message.append(status > 0 ? ", " : "").append("code ").append(code);
            }
            if (!serverMessage.isEmpty()) {
                message.append(status > 0 || code != null ? ": " : "").append(serverMessage);
            }
            if (!detail.isEmpty()) {
                message.append(status > 0 || code != null || !serverMessage.isEmpty() ? "; " : "").append(detail);
            }
            return new PlatformException(this, message.toString(), cause);
        }
    }
}
