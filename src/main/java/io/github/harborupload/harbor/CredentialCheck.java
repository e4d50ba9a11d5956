package io.github.harborupload.harbor;

/** What Harbor says of a username and password ({@code GET /api/v2.0/users/current}). */
public enum CredentialCheck {
    /** Harbor knows this user with this password. */
    VALID,
    /**
     * Wrong username or password. Harbor also answers this, for 1.5 s after a failed login, to a
     * concurrent attempt with the right password (src/core/auth/authenticator.go: frozenTime).
     */
    WRONG,
    /** Valid, but not a local user (a robot account, say): HTTP 412. Docker can still log in. */
    NOT_A_USER_ACCOUNT
}
