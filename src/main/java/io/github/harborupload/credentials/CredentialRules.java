package io.github.harborupload.credentials;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks for a username and a password typed into the form, one field at a time, cheap enough to run
 * on every keystroke. Each check returns the first issue found, or empty when the value is fine; a
 * returned issue may be a warning ({@link CredentialIssue#isError()} false), which must not block.
 *
 * <p>The platform generates passwords of {@value #PLATFORM_PASSWORD_LENGTH} characters from
 * {@code [A-Za-z0-9_-]}. Anything else only earns a warning: the user may have changed the password in
 * Harbor's web page, where Harbor's own rule applies (8 to 128 characters with an uppercase letter, a
 * lowercase letter and a digit).
 */
public final class CredentialRules {

    public static final int PLATFORM_PASSWORD_LENGTH = 20;

    private static final Pattern PLATFORM_PASSWORD_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]*");
    /** What the dialogs show before a reset: bullets, or look-alikes a browser or font may substitute. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[•●∙⋅·・*＊]{3,}");

    private CredentialRules() {
    }

    /** Empty username, or whitespace anywhere in it (the caller may strip the ends before asking). */
    public static Optional<CredentialIssue> checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of(CredentialIssue.USERNAME_EMPTY);
        }
        if (username.codePoints().anyMatch(CredentialRules::isSpace)) {
            return Optional.of(username.isBlank() ? CredentialIssue.USERNAME_EMPTY : CredentialIssue.USERNAME_HAS_SPACE);
        }
        return Optional.empty();
    }

    /**
     * Empty or blank password and the dotted placeholder are errors; a password that does not look
     * like one the platform generates is a warning.
     */
    public static Optional<CredentialIssue> checkPassword(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of(CredentialIssue.PASSWORD_EMPTY);
        }
        if (isPlaceholder(password)) {
            return Optional.of(CredentialIssue.PASSWORD_PLACEHOLDER);
        }
        if (!PLATFORM_PASSWORD_CHARACTERS.matcher(password).matches()) {
            return Optional.of(CredentialIssue.PASSWORD_UNUSUAL_CHARACTERS);
        }
        if (password.length() != PLATFORM_PASSWORD_LENGTH) {
            return Optional.of(CredentialIssue.PASSWORD_UNUSUAL_LENGTH);
        }
        return Optional.empty();
    }

    static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }

    static boolean looksLikePlatformPassword(String value) {
        return value.length() == PLATFORM_PASSWORD_LENGTH && PLATFORM_PASSWORD_CHARACTERS.matcher(value).matches();
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
