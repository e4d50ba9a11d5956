package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.platform.AuthMode;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.SessionNotForgottenException;
import io.github.harborupload.platform.SessionStore;
import io.github.harborupload.platform.SessionStoreException;
import io.github.harborupload.platform.SessionTokens;
import io.github.harborupload.platform.SignInMethod;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU platform, for users who sign in to it: the session, the Harbor credentials it hands out,
 * and "stay signed in". Tokens are kept only when the user asks; the platform password never.
 */
public final class PlatformAccess {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAccess.class);

    /** The Harbor address and login the platform handed out. */
    public record HarborLogin(String registry, Credential credential) {
    }

    private final Services services;
    private final boolean allowHttp;

    /** Plain http only to this computer. */
    public PlatformAccess(Services services) {
        this(services, false);
    }

    /** @param allowHttp plain http to any host too, which the caller asked for deliberately and warns about */
    public PlatformAccess(Services services, boolean allowHttp) {
        this.services = services;
        this.allowHttp = allowHttp;
    }

    /**
     * Signs in the way the user signed in here last time, else the platform's LDAP when it has
     * one (issue 12). With {@code stayIn}, the session's tokens are kept on this computer, and
     * kept fresh when the platform renews them.
     *
     * @throws IllegalArgumentException  when the address is not a web address
     * @throws PlainHttpRefusedException when it is plain http to another computer and that was not allowed
     */
    public PlatformSession signIn(String address, String username, String password, boolean stayIn)
            throws PlatformException {
        return signIn(address, null, username, password, stayIn);
    }

    /**
     * As {@link #signIn(String, String, String, boolean)} with the account's kind: {@code method}
     * as chosen, or null for the one used last (else the platform's default). The method used is
     * remembered for next time, and kept with the session.
     */
    public PlatformSession signIn(String address, SignInMethod method, String username, String password, boolean stayIn)
            throws PlatformException {
        URI uri = PlatformClient.parseAddress(address, allowHttp);
        PlatformClient client = new PlatformClient(uri);
        AuthMode mode = client.authMode();
        SignInMethod chosen = method != null ? method : mode.choose(lastMethod(uri).orElse(null));
        PlatformSession session = client.signIn(mode, chosen, username, password);
        services.platformChoices().rememberSignInMethod(uri.toString(), chosen);
        SessionStore store = services.sessions();
        if (stayIn) {
            keep(store, session);
        } else {
            forget(store, uri);
        }
        return session;
    }

    /** {@code GET /api/auth/mode}: which kinds of account this platform signs in, for a face to offer them. */
    public AuthMode authMode(String address) throws PlatformException {
        return new PlatformClient(PlatformClient.parseAddress(address, allowHttp)).authMode();
    }

    /** The method used last at this address: the kept session's, else the one remembered. */
    public Optional<SignInMethod> lastMethod(String address) {
        try {
            return lastMethod(PlatformClient.parseAddress(address, allowHttp));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<SignInMethod> lastMethod(URI address) {
        Optional<SignInMethod> remembered = services.platformChoices().signInMethod(address.toString());
        if (remembered.isPresent()) {
            return remembered;
        }
        try {
            return services.sessions().load(address).map(SessionTokens::method);
        } catch (SessionStoreException e) {
            return Optional.empty();
        }
    }

    /** A session kept from an earlier "stay signed in", if there is one for this address. */
    public Optional<PlatformSession> resume(String address) {
        try {
            URI uri = PlatformClient.parseAddress(address, allowHttp);
            return services.sessions().load(uri).map(tokens -> {
                PlatformSession session = new PlatformClient(uri).resume(tokens);
                session.onTokensRenewed(renewed -> save(services.sessions(), renewed));
                return session;
            });
        } catch (IllegalArgumentException | SessionStoreException e) {
            LOG.warn("could not read a kept platform session: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Forgets the session kept for this address.
     *
     * @throws SessionNotForgottenException it may still be kept: it could not be removed, or the
     *                                      keychain could not be reached to find out
     */
    public void signOut(String address) throws SessionNotForgottenException {
        URI uri;
        try {
            uri = PlatformClient.parseAddress(address, allowHttp);
        } catch (IllegalArgumentException e) {
            return; // nothing was kept for an address that is not one
        }
        try {
            services.sessions().forget(uri);
        } catch (SessionStoreException e) {
            throw new SessionNotForgottenException(e);
        }
    }

    /**
     * Forgets every session kept on this computer, whatever its platform address.
     *
     * @throws SessionNotForgottenException as {@link #signOut}
     */
    public void signOutEverywhere() throws SessionNotForgottenException {
        try {
            services.sessions().forgetAll();
        } catch (SessionStoreException e) {
            throw new SessionNotForgottenException(e);
        }
    }

    /**
     * New Harbor credentials from the platform. This RESETS the Harbor password: the old one stops
     * working everywhere, so faces ask first.
     */
    public HarborLogin fetchHarborLogin(PlatformSession session) throws PlatformException {
        String registry = session.harborRegistry();
        return new HarborLogin(registry, session.resetHarborCredentials());
    }

    private static void keep(SessionStore store, PlatformSession session) {
        save(store, session.tokens());
        session.onTokensRenewed(renewed -> save(store, renewed));
    }

    private static void save(SessionStore store, SessionTokens tokens) {
        try {
            store.save(tokens);
        } catch (SessionStoreException e) {
            LOG.warn("could not keep the platform session: {}", e.getMessage());
        }
    }

    private static void forget(SessionStore store, URI address) {
        try {
            store.forget(address);
        } catch (SessionStoreException e) {
            LOG.warn("could not forget the platform session: {}", e.getMessage());
        }
    }
}
