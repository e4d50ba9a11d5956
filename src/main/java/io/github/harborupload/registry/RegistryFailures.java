package io.github.harborupload.registry;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Turns an answer that is an error, or no answer, into a {@link RegistryException} with the server's words. */
final class RegistryFailures {

    /** Harbor's quota middleware texts, old and new (src/pkg/quota, src/server/middleware/quota). */
    private static final List<String> QUOTA_WORDS = List.of("will exceed the configured upper limit", "quota exceeded",
            "exceeded quota");
    private RegistryFailures() {
    }

    static RegistryException.Kind kindOf(Answer answer) {
        String words = answer.words().toLowerCase(Locale.ROOT);
        if (QUOTA_WORDS.stream().anyMatch(words::contains)) {
            return RegistryException.Kind.QUOTA;
        }
        int status = answer.status();
        if (status == 401 && answer.header("WWW-Authenticate").orElse("").contains("insufficient_scope")) {
            // The token service accepted the login but granted less than asked (distribution's token
            // access controller): Harbor's way of saying "not your project".
            return RegistryException.Kind.DENIED;
        }
        if (status == 401 && words.contains("unauthorized to access repository")) {
            // Harbor core's own refusal (src/server/middleware/v2auth/auth.go): the login is valid,
            // the project is not the user's.
            return RegistryException.Kind.DENIED;
        }
        if (status == 401) {
            return RegistryException.Kind.AUTH_REFUSED;
        }
        if (status == 403 || answer.errorCodes().contains("DENIED")) {
            return RegistryException.Kind.DENIED;
        }
        if (status == 404) {
            return RegistryException.Kind.NOT_FOUND;
        }
        if (status == 413) {
            return RegistryException.Kind.BODY_TOO_LARGE;
        }
        if (status == 429 || status >= 500) {
            return RegistryException.Kind.UNAVAILABLE;
        }
        return RegistryException.Kind.PROTOCOL;
    }

    /** Whether trying the same again later can help: a busy or restarting server, a gateway between. */
    static boolean isTransient(Answer answer) {
        return answer.status() == 429 || answer.status() >= 500;
    }

    static RegistryException of(Answer answer, List<String> secrets) {
        return new RegistryException(kindOf(answer), answer.status(), describe(answer, secrets));
    }

    /** {@code HTTP 403 PUT https://h/v2/…: DENIED: …}, masked and bounded. */
    static String describe(Answer answer, List<String> secrets) {
        String words = answer.words();
        return SecretMask.mask("HTTP " + answer.status() + " " + answer.method() + " " + withoutQuery(answer.uri().toString())
                + (words.isEmpty() ? "" : ": " + words), secrets);
    }

    static RegistryException noAnswer(String what, IOException failure, List<String> secrets) {
        RegistryException.Kind kind = switch (ConnectionFailure.of(failure)) {
            case HOST_NOT_FOUND -> RegistryException.Kind.HOST_NOT_FOUND;
            case TLS -> RegistryException.Kind.TLS;
            // The registry names no timeout of its own: silence, like a cut, is the network's.
            case UNREACHABLE, TIMEOUT -> RegistryException.Kind.NETWORK;
        };
        return new RegistryException(kind, 0, -1, SecretMask.mask(what + ": " + ConnectionFailure.describe(failure), secrets), failure);
    }

    /**
     * A URL for a message: distribution's {@code _state} query is a signed blob of no use to a
     * reader (and Harbor's may carry more); the path says which request it was.
     */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
