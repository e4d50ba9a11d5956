package io.github.harborupload.registry;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a registry's TLS is checked against before certs.d adds its CAs: Java's own
 * ({@code cacerts}) by default; on Windows and macOS the faces give Java's and the system store's
 * together (desktop's {@code SystemNetwork}), because a campus or company CA is installed there, as
 * Docker Desktop reads it (issue 16).
 */
@FunctionalInterface
public interface TrustRoots {

    /** Java's {@code cacerts}: what {@code TrustManagerFactory} trusts when given no store. */
    TrustRoots JAVA = () -> List.of(javaTrust().getAcceptedIssuers());

    List<X509Certificate> certificates() throws GeneralSecurityException;

    /** Java's default trust manager over {@code cacerts}. */
    static X509TrustManager javaTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory);
    }

    /** The X.509 manager of a factory made for one store. */
    static X509TrustManager x509(TrustManagerFactory factory) throws GeneralSecurityException {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
