package io.github.harborupload.platform;

import java.net.URI;
import java.util.Optional;

/**
 * Where "stay signed in" keeps a session's tokens, one session per platform address. Never the
 * password. Without "stay signed in" nothing is kept: tokens live only in memory.
 * {@link SessionStores#forThisComputer} picks the store.
 */
public interface SessionStore {

    void save(SessionTokens tokens) throws SessionStoreException;

    /** The session kept for this platform address, if any. */
    Optional<SessionTokens> load(URI address) throws SessionStoreException;

    /**
     * Forgets the session for this address; nothing happens when there is none.
     *
     * @throws SessionStoreException when it could not be removed, or whether it is there cannot be
     *                               told (a keychain that cannot be reached): never taken for "none"
     */
    void forget(URI address) throws SessionStoreException;

    /** Forgets every session kept here, whatever its address; as {@link #forget} otherwise. */
    void forgetAll() throws SessionStoreException;
}
