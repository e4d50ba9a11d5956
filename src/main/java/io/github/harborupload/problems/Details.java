package io.github.harborupload.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The technical detail of a problem: the engine's or server's text, verbatim, minus anything that
 * looks like a secret. The engine does not put secrets in its errors, but a message that quotes a
 * request (an auth header, a JSON body, a URL with a password) must not carry one to a screenshot.
 */
final class Details {

    /** A cause chain longer than this is a loop, or not worth reading. */
    private static final int MAX_CHAIN = 10;
    /** Enough frames to find the place; a log of the whole JavaFX stack helps nobody. */
    private static final int MAX_FRAMES = 40;
    private static final String HIDDEN = "***";

    /*
     * "Basic dXNlcjpwYXNz": a token of 8 or more with a capital, digit or sign past its first letter,
     * so that words ("no basic auth credentials", "Basic Authentication") stay.
     */
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "\\b((?i:basic|bearer))\\s+(?=[A-Za-z0-9+/_.~-]+[A-Z0-9+/=])[A-Za-z0-9+/_.~-]{8,}=*");
    /** The engine's auth header: base64 JSON, long; "missing X-Registry-Auth: EOF" stays. */
    private static final Pattern REGISTRY_AUTH_HEADER =
            Pattern.compile("(?i)(X-Registry-(?:Auth|Config)\"?\\s*[:=]\\s*\"?)[A-Za-z0-9+/=_-]{8,}");
    /*
     * A JSON string under "auth" or any key holding token, password or secret, whatever its case
     * (accessToken, refreshToken, X-Password…); a value cut short (an excerpt that ends inside it)
     * is hidden to the end of the text.
     */
    private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
            "(?i)(\"(?:auth|[^\"\\\\]*(?:token|password|secret)[^\"\\\\]*)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+@");

    private Details() {
    }

    /** The throwable and its causes, outermost first. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> links = new ArrayList<>();
        for (Throwable link = failure; link != null && links.size() < MAX_CHAIN; link = link.getCause()) {
            links.add(link);
        }
        return links;
    }

    /**
     * The failure's own message, then each cause that adds something, one a line; a failure
     * without any message shows its type's name. Never a stack trace.
     */
    static String of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable link : chain(failure)) {
            String message = link.getMessage();
            if (message == null || message.isBlank() || text.indexOf(message) >= 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append('\n').append("caused by ").append(link.getClass().getName()).append(": ");
            }
            text.append(message);
        }
        return text.length() > 0 ? scrub(text.toString()) : failure.getClass().getName();
    }

    /**
     * The chain as a stack trace prints it, each message scrubbed: for a log, where the frames say
     * where it happened and a raw message could quote a request.
     */
    static String trace(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable link : chain(failure)) {
            if (text.length() > 0) {
                text.append("Caused by: ");
            }
            text.append(link.getClass().getName());
            if (link.getMessage() != null) {
                text.append(": ").append(scrub(link.getMessage()));
            }
            text.append('\n');
            StackTraceElement[] frames = link.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                text.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
        }
        return text.toString();
    }

    static String scrub(String text) {
        String hidden = AUTH_HEADER.matcher(text).replaceAll("$1 " + HIDDEN);
        hidden = REGISTRY_AUTH_HEADER.matcher(hidden).replaceAll("$1" + HIDDEN);
        hidden = SECRET_JSON_FIELD.matcher(hidden).replaceAll("$1" + HIDDEN + "\"");
        return URL_PASSWORD.matcher(hidden).replaceAll("$1" + HIDDEN + "@");
    }
}
