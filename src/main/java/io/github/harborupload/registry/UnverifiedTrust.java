package io.github.harborupload.registry;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server certificate and any host name: docker's {@code InsecureSkipVerify} for a
 * registry on the engine's insecure list (moby registry/config.go: an insecure index gets a TLS
 * config that skips verification), and for an engine context with {@code SkipTLSVerify}.
 * Extended, so that JSSE does not add its own host-name check around it.
 */
public final class UnverifiedTrust extends X509ExtendedTrustManager {

    public static final UnverifiedTrust INSTANCE = new UnverifiedTrust();

    private UnverifiedTrust() {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Trusted on purpose: the user put this registry on the engine's insecure list (or the context skips checks).
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // As above.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // As above.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
