package io.github.harborupload.docker;

import com.github.dockerjava.core.util.CertificateUtils;
import io.github.harborupload.docker.EngineLocation.Tls;
import io.github.harborupload.registry.UnverifiedTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The TLS context for a {@code tcp://} engine, made the way docker/cli makes it
 * (cli/context/docker/load.go, tlsConfig): ca.pem, when there is one, is the only authority trusted;
 * cert.pem and key.pem, when both are there, are presented as the client certificate; without
 * verification any server certificate is accepted, but the client certificate is still presented.
 *
 * <p>Built here rather than by docker-java's LocalDirectorySSLConfig, which silently returns no
 * context (so plain HTTP) unless all three files exist, and has no mode without verification.
 * One difference from Go remains: httpclient checks the host name against the server certificate
 * even without verification, so a certificate for another name is refused rather than accepted.
 */
final class EngineTls {

    /** docker-java's CertificateUtils keeps the key under this password. */
    private static final char[] KEY_PASSWORD = "docker".toCharArray();

    private EngineTls() {
    }

    /**
     * The context to speak to this location with, or null for plain HTTP: a socket or pipe, or a
     * tcp host that asked for no TLS. Never null for a tcp host that asked for TLS.
     *
     * @throws GeneralSecurityException a certificate or key file is not valid
     * @throws IOException              a certificate or key file cannot be read
     */
    static SSLContext contextFor(EngineLocation location) throws GeneralSecurityException, IOException {
        if (location.tls() == Tls.PLAIN || !location.host().startsWith("tcp://")) {
            return null;
        }
        // CertificateUtils reads PEM through BouncyCastle under the provider name "BC".
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers(location.certPath()), trustManagers(location), null);
        return context;
    }

    private static KeyManager[] keyManagers(Path folder) throws GeneralSecurityException, IOException {
        Path cert = file(folder, "cert.pem");
        Path key = file(folder, "key.pem");
        if (cert == null || key == null) {
            return null;
        }
        KeyStore store;
        try {
            store = CertificateUtils.createKeyStore(Files.readString(key), Files.readString(cert));
        } catch (NullPointerException noKey) {
            // CertificateUtils finds no key in a file that holds none.
            throw new GeneralSecurityException(key + " holds no private key");
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, KEY_PASSWORD);
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(EngineLocation location) throws GeneralSecurityException, IOException {
        if (location.tls() == Tls.UNVERIFIED) {
            return new TrustManager[] {UnverifiedTrust.INSTANCE}; // Go's InsecureSkipVerify
        }
        Path ca = file(location.certPath(), "ca.pem");
        if (ca == null) {
            return null; // the system's authorities
        }
        KeyStore store = CertificateUtils.createTrustStore(Files.readString(ca));
        if (store.size() == 0) {
            throw new GeneralSecurityException(ca + " holds no certificate");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static Path file(Path folder, String name) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(name);
        return Files.exists(file) ? file : null;
    }
}
