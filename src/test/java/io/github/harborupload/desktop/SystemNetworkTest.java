package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.registry.TrustRoots;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system's proxy and trust store for the program's own HTTPS (issue 16, item 9), on Linux with a stand-in store. */
class SystemNetworkTest {

    @TempDir
    Path dir;

    @Test
    void windowsAndMacUseTheSystemProxyUnlessTheUserChose() {
        // Docker Desktop uses the system's proxy settings; Java only with java.net.useSystemProxies.
        Properties windows = new Properties();
        Properties chosen = new Properties();
        chosen.setProperty(SystemNetwork.USE_SYSTEM_PROXIES, "false");
        Properties linux = new Properties();

        SystemNetwork.useSystemProxies("Windows 11", windows);
        SystemNetwork.useSystemProxies("Mac OS X", chosen);
        SystemNetwork.useSystemProxies("Linux", linux);

        assertEquals("true", windows.getProperty(SystemNetwork.USE_SYSTEM_PROXIES));
        assertEquals("false", chosen.getProperty(SystemNetwork.USE_SYSTEM_PROXIES));
        assertNull(linux.getProperty(SystemNetwork.USE_SYSTEM_PROXIES), "Linux proxies come from the environment");
    }

    @Test
    void aCompanyRootInTheSystemStoreIsTrustedBesideJavasOwn() throws Exception {
        // A company's root CA is installed in Windows' ROOT store or the macOS keychain, not in cacerts.
        KeyStore companyStore = storeWithNewCertificate();
        X509Certificate companyRoot = (X509Certificate) companyStore.getCertificate("company-root");
        List<String> asked = new ArrayList<>();

        Optional<X509TrustManager> windows = SystemNetwork.withSystemTrust("Windows 11", type -> {
            asked.add(type);
            return companyStore;
        });
        SystemNetwork.withSystemTrust("Mac OS X", type -> {
            asked.add(type);
            return companyStore;
        });

        assertEquals(List.of("Windows-ROOT", "KeychainStore"), asked);
        List<X509Certificate> trusted = Arrays.asList(windows.orElseThrow().getAcceptedIssuers());
        assertTrue(trusted.contains(companyRoot), "the system's root");
        assertTrue(trusted.size() > 1, "and Java's own");
        assertEquals(Optional.empty(), SystemNetwork.withSystemTrust("Linux", type -> companyStore));
        assertEquals(Optional.empty(), SystemNetwork.withSystemTrust("Windows 10", type -> {
            throw new java.security.KeyStoreException("Windows-ROOT not found");
        }), "an unreadable store leaves Java's trust alone");
    }

    @Test
    void theRegistryClientTrustsTheSystemStoreToo() throws Exception {
        // Issue 16: our own push checks Harbor's certificate against the same roots as the API
        // clients (Docker Desktop's Go reads the system's pool on Windows and macOS).
        KeyStore companyStore = storeWithNewCertificate();
        X509Certificate companyRoot = (X509Certificate) companyStore.getCertificate("company-root");

        List<X509Certificate> mac = SystemNetwork.registryTrust("Mac OS X", type -> companyStore).certificates();

        assertTrue(mac.contains(companyRoot), "the keychain's root");
        assertTrue(mac.containsAll(TrustRoots.JAVA.certificates()), "and Java's own");
        assertEquals(TrustRoots.JAVA, SystemNetwork.registryTrust("Linux", type -> companyStore));
        assertEquals(TrustRoots.JAVA, SystemNetwork.registryTrust("Windows 11", type -> {
            throw new java.security.KeyStoreException("Windows-ROOT not found");
        }));
    }

    /** A PKCS#12 store with one self-signed certificate, made by the JDK's keytool. */
    private KeyStore storeWithNewCertificate() throws Exception {
        Path file = dir.resolve("company.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "company-root",
                "-keyalg", "EC", "-dname", "CN=Company Root CA", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }
}
