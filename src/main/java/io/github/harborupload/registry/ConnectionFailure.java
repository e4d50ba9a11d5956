package io.github.harborupload.registry;

import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Why an HTTP call got no answer, told apart by the exceptions java.net.http throws. */
public enum ConnectionFailure {
    /** The name does not resolve: a typo, or a campus-only name seen from outside. */
    HOST_NOT_FOUND,
    /** Refused, reset, no route, closed early: nothing usable answers at that address and port. */
    UNREACHABLE,
    /** No answer in time. */
    TIMEOUT,
    /** The TLS handshake failed: an untrusted or expired certificate, or not TLS at all. */
    TLS;

    /** The longest cause chain worth reading. */
    private static final int MAX_CHAIN = 10;

    /**
     * The kind of {@code failure}, looking through its causes (java.net.http wraps an unresolved
     * name in a ConnectException); {@link #UNREACHABLE} when none says more.
     */
    public static ConnectionFailure of(Throwable failure) {
        int depth = 0;
        for (Throwable link = failure; link != null && depth < MAX_CHAIN; link = link.getCause(), depth++) {
            if (link instanceof UnknownHostException || link instanceof UnresolvedAddressException) {
                return HOST_NOT_FOUND;
            }
            if (link instanceof HttpTimeoutException) {
                return TIMEOUT;
            }
            if (link instanceof SSLException) {
                return TLS;
            }
        }
        return UNREACHABLE;
    }

    /**
     * The failure in one line for the technical detail, each cause as {@code Type: message}; a
     * refused connection often has no message at all, so the type's name always comes along.
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable link = failure; link != null && depth < MAX_CHAIN; link = link.getCause(), depth++) {
            String part = link.getClass().getSimpleName()
                    + (link.getMessage() == null || link.getMessage().isBlank() ? "" : ": " + link.getMessage());
            if (text.indexOf(part) < 0) {
                text.append(text.length() > 0 ? " <- " : "").append(part);
            }
        }
        return text.toString();
    }
}
