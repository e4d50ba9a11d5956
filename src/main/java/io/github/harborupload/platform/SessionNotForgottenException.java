package io.github.harborupload.platform;

/**
 * Signing out could not remove a kept session, or could not tell whether one is still kept (a
 * keychain that cannot be reached): the next start may sign in with it again. The message never
 * holds a token.
 */
public final class SessionNotForgottenException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionNotForgottenException(SessionStoreException cause) {
        super("the kept platform session could not be removed: " + cause.getMessage(), cause);
    }
}
