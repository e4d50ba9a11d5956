package io.github.harborupload.desktop;

import io.github.harborupload.registry.TrustRoots;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The network settings Docker Desktop takes from the system and Java does not, for this program's
 * own HTTPS (Harbor's API, the platform; issue 16, item 9): the proxy set in the system's settings
 * ({@code java.net.useSystemProxies}, read by the default {@code ProxySelector} that java.net.http
 * uses when given none), and the certificates the system trusts (a company's root CA is installed
 * there, not in Java's {@code cacerts}): {@code Windows-ROOT} on Windows, {@code KeychainStore} on
 * macOS, added to Java's own, for the default SSL context and for the registry client of our own
 * push ({@link #registryTrust}), which adds certs.d to them. Linux keeps Java's: its distributions
 * build cacerts from the system's store, and proxies come from the environment there. Never a
 * reason to fail: without the store, Java's trust stays.
 */
public final class SystemNetwork {

    static final String USE_SYSTEM_PROXIES = "java.net.useSystemProxies";

    /** Opens a KeyStore of a type; the real one is the JDK's provider for it. */
    interface StoreLoader {
        KeyStore load(String type) throws Exception;
    }

    private SystemNetwork() {
    }

    /** Call first thing in {@code main}, before any HTTP client or proxy selector exists. */
    public static void useSystemSettings(String osName) {
        useSystemProxies(osName, System.getProperties());
        withSystemTrust(osName, SystemNetwork::openStore).ifPresent(trust -> {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust}, null);
                SSLContext.setDefault(context);
            } catch (GeneralSecurityException e) {
                // Java's own trust stays.
            }
        });
    }

    /**
     * What the project's own registry client trusts before certs.d: Java's certificates and, on
     * Windows and macOS, the system store's, read once here (docker's Go reads the system's pool
     * there too). Java's alone where there is no such store or it cannot be read.
     */
    public static TrustRoots registryTrust(String osName) {
        return registryTrust(osName, SystemNetwork::openStore);
    }

    static TrustRoots registryTrust(String osName, StoreLoader loader) {
        Optional<X509TrustManager> merged = withSystemTrust(osName, loader);
        if (merged.isEmpty()) {
            return TrustRoots.JAVA;
        }
        List<X509Certificate> roots = List.of(merged.get().getAcceptedIssuers());
        return () -> roots;
    }

    private static KeyStore openStore(String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        return store;
    }

    /** On Windows and macOS, unless the user chose with {@code -Djava.net.useSystemProxies}. */
    static void useSystemProxies(String osName, Properties properties) {
        OsKind os = OsKind.of(osName);
        if ((os == OsKind.WINDOWS || os == OsKind.MAC) && properties.getProperty(USE_SYSTEM_PROXIES) == null) {
            properties.setProperty(USE_SYSTEM_PROXIES, "true");
        }
    }

    static Optional<String> systemStoreType(String osName) {
        return switch (OsKind.of(osName)) {
            case WINDOWS -> Optional.of("Windows-ROOT");
            case MAC -> Optional.of("KeychainStore");
            case LINUX, OTHER -> Optional.empty();
        };
    }

    /** Java's trusted certificates and the system store's together; empty where there is no such store or it cannot be read. */
    static Optional<X509TrustManager> withSystemTrust(String osName, StoreLoader loader) {
        Optional<String> type = systemStoreType(osName);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore system = loader.load(type.get());
            KeyStore merged = KeyStore.getInstance(KeyStore.getDefaultType());
            merged.load(null, null);
            int n = 0;
            for (X509Certificate java : TrustRoots.javaTrust().getAcceptedIssuers()) {
                merged.setCertificateEntry("java-" + n++, java);
            }
            for (String alias : Collections.list(system.aliases())) {
                Certificate certificate = system.getCertificate(alias);
                if (certificate != null) {
                    merged.setCertificateEntry("system-" + n++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(merged);
            return Optional.of(TrustRoots.x509(factory));
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }
}
