package io.github.harborupload.credentials;

import io.github.harborupload.i18n.Text;

/**
 * Something wrong with, or unusual about, a credential the user pasted or typed. An error means the
 * credential cannot be used as it is; a warning ({@link #isError()} false) is shown but does not
 * block, because the user may know better (for example after changing the password in Harbor).
 */
public enum CredentialIssue {
    /** The paste area is empty. */
    NOTHING_PASTED(true),
    /** Far more text than any credential dialog: not read, so a huge paste cannot hold up the window. */
    PASTE_TOO_LONG(true),
    /** Text was pasted, but neither a username nor a password could be found in it. */
    NOTHING_RECOGNISED(true),
    /** Only the field names were pasted, not their values (the 2024–2025 dialogs copied as a whole). */
    LABELS_ONLY(true),
    /** The password is still the dotted placeholder: the user must reset it in the platform first. */
    PASSWORD_PLACEHOLDER(true),
    /** A username was found but no password. */
    PASSWORD_MISSING(true),
    /** A password was found but no username. */
    USERNAME_MISSING(true),
    /** More than one different username or password was pasted. */
    SEVERAL_CREDENTIALS(true),
    /** The typed username is empty. */
    USERNAME_EMPTY(true),
    /** The typed username contains whitespace. */
    USERNAME_HAS_SPACE(true),
    /** The typed password is empty. */
    PASSWORD_EMPTY(true),
    /** The password is not the 20 characters the platform generates. */
    PASSWORD_UNUSUAL_LENGTH(false),
    /** The password holds characters the platform never generates, spaces included. */
    PASSWORD_UNUSUAL_CHARACTERS(false);

    static final String BUNDLE = "io.github.harborupload.credentials.messages";

    private final boolean error;

    CredentialIssue(boolean error) {
        this.error = error;
    }

    /** True when the credential cannot be used; false for a warning the user may ignore. */
    public boolean isError() {
        return error;
    }

    /** What to tell the user, in either language. */
    public Text text() {
        return Text.of(BUNDLE, "issue." + name());
    }
}
