package io.github.harborupload.registry;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a text before it reaches an exception or a listener: the known password and
 * tokens by value, and anything that looks like an Authorization value or a JWT by shape (a
 * registry or gateway may echo a header back).
 */
final class SecretMask {

    /** Server words longer than this are cut: an HTML error page says nothing more after it. */
    static final int MAX_WORDS = 500;

    private static final Pattern AUTH_VALUE = Pattern.compile("(?i)\\b(Basic|Bearer)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final String MASK = "***";

    private SecretMask() {
    }

    /** {@code text} without the {@code secrets} (each of at least 4 characters), bounded. */
    static String mask(String text, Collection<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, MASK);
            }
        }
        masked = AUTH_VALUE.matcher(masked).replaceAll("$1 " + MASK);
        masked = JWT.matcher(masked).replaceAll(MASK);
        masked = masked.strip();
        return masked.length() <= MAX_WORDS ? masked : masked.substring(0, MAX_WORDS) + "…";
    }
}
