package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a registry is reached. Sources: docker's docs "Verify repository client with certificates"
 * (certs.d folders, *.crt as CAs), Go's golang.org/x/net/http/httpproxy (the proxy variables and
 * NO_PROXY forms), java.net.http (no proxy unless given a ProxySelector); moby's
 * registry.ReadCertsDirectory (X.cert with X.key, a lone one refused).
 */
class RegistryEndpointTest {

    @TempDir
    Path dir;

    @Test
    void httpsAlwaysForASecureRegistryAndHttpForAnInsecureOneWithoutHttps() throws Exception {
        // moby distribution/push.go: an insecure registry's https endpoint comes first; one without
        // any HTTP answer falls back to http. A secure registry is never asked over http.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        assertEquals(URI.create("https://harbor.example.edu"),
                endpoint("Harbor.example.edu", false, Map.of()).chooseBase(http, Duration.ofSeconds(5)));
        assertEquals(URI.create("http://127.0.0.1:" + closedPort),
                endpoint("127.0.0.1:" + closedPort, true, Map.of()).chooseBase(http, Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> endpoint("harbor.example.edu/project", false, Map.of()));
    }

    @Test
    void clientCertificatesArePairedByNameAsDockerPairsThem() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc-docker/certs.d/harbor.example.edu"));
        Files.writeString(etc.resolve("client.cert"), PemPrivateKeyTest.fixture("rsa.cert"));
        Files.writeString(etc.resolve("client.key"), PemPrivateKeyTest.fixture("rsa-pkcs1.key"));
        Files.writeString(etc.resolve("lab.cert"), PemPrivateKeyTest.fixture("ec.cert"));
        Files.writeString(etc.resolve("lab.key"), PemPrivateKeyTest.fixture("ec-sec1.key"));

        RegistryEndpoint endpoint = endpoint("harbor.example.edu", false, Map.of());

        assertEquals(List.of(new RegistryEndpoint.ClientCertificate(etc.resolve("client.cert"), etc.resolve("client.key")),
                new RegistryEndpoint.ClientCertificate(etc.resolve("lab.cert"), etc.resolve("lab.key"))),
                endpoint.clientCertificates());
        assertEquals(List.of(), endpoint.caFiles());
        endpoint.newHttpClient(Duration.ofSeconds(1)); // both keys read
    }

    @Test
    void aKeyWithoutItsCertificateOrAnUnreadableKeyIsATlsFailureThatNeverQuotesTheKey() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc-docker/certs.d/harbor.example.edu"));
        String key = PemPrivateKeyTest.fixture("rsa-pkcs8.key");
        Files.writeString(etc.resolve("client.key"), key);
        RegistryException lone = assertThrows(RegistryException.class,
                () -> endpoint("harbor.example.edu", false, Map.of()).newHttpClient(Duration.ofSeconds(1)));
        assertEquals(RegistryException.Kind.TLS, lone.kind());
        assertTrue(lone.getMessage().contains("missing client certificate for key"), lone.getMessage());

        Files.writeString(etc.resolve("client.cert"), PemPrivateKeyTest.fixture("rsa.cert"));
        Files.writeString(etc.resolve("client.key"), key.replace("MII", "MIJ"));
        RegistryException unreadable = assertThrows(RegistryException.class,
                () -> endpoint("harbor.example.edu", false, Map.of()).newHttpClient(Duration.ofSeconds(1)));
        assertTrue(unreadable.getMessage().contains("client.key"), unreadable.getMessage());
        for (String line : key.lines().skip(1).limit(3).toList()) {
            assertFalse(unreadable.getMessage().contains(line), "the key's text: " + unreadable.getMessage());
            assertFalse(String.valueOf(unreadable.getCause()).contains(line));
        }
    }

    @Test
    void trustsTheCaFilesOfBothCertsDFoldersForThatHostAndPort() throws Exception {
        Path etc = dir.resolve("etc-docker/certs.d/harbor.example.edu:8443");
        Path home = dir.resolve("home/.docker/certs.d/harbor.example.edu:8443");
        Files.createDirectories(etc);
        Files.createDirectories(home);
        Files.writeString(etc.resolve("ca.crt"), "x");
        Files.writeString(etc.resolve("client.cert"), "not a CA");
        Files.writeString(home.resolve("campus.crt"), "y");
        Files.createDirectories(dir.resolve("etc-docker/certs.d/other.example.edu"));
        Files.writeString(dir.resolve("etc-docker/certs.d/other.example.edu/ca.crt"), "z");

        RegistryEndpoint endpoint = RegistryEndpoint.of("harbor.example.edu:8443", false, Map.of(), dir.resolve("home"),
                dir.resolve("etc-docker"), TrustRoots.JAVA);

        assertEquals(List.of(etc.resolve("ca.crt"), home.resolve("campus.crt")), endpoint.caFiles());
    }

    @Test
    void aCaFileThatIsNotACertificateIsATlsFailureNamingTheFile() throws Exception {
        Path etc = dir.resolve("etc-docker/certs.d/harbor.example.edu");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        RegistryEndpoint endpoint = RegistryEndpoint.of("harbor.example.edu", false, Map.of(), dir, dir.resolve("etc-docker"),
                TrustRoots.JAVA);

        RegistryException failure = assertThrows(RegistryException.class, () -> endpoint.newHttpClient(Duration.ofSeconds(1)));

        assertEquals(RegistryException.Kind.TLS, failure.kind());
        assertTrue(failure.getMessage().contains("ca.crt"), failure.getMessage());
    }

    @Test
    void theProxyVariablesAsGoReadsThem() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy.campus.edu:3128", "http_proxy", "http://plain:8080",
                "NO_PROXY", "internal.edu,.lab.edu,10.0.0.0/8,exact:5000");

        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("harbor.example.edu", false, env).proxy("https"));
        // An insecure registry's http fallback goes through HTTP_PROXY, as Go picks the proxy by the request's scheme.
        assertEquals(Optional.of(URI.create("http://plain:8080")), endpoint("harbor.example.edu", true, env).proxy("http"));
        assertEquals(Optional.empty(), endpoint("harbor.internal.edu", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("internal.edu", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("gpu.lab.edu:443", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("10.1.2.3:5000", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("exact:5000", false, env).proxy("https"));
        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("exact:5001", false, env).proxy("https"));
        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("11.1.2.3", false, env).proxy("https"));
        // Loopback never goes through a proxy.
        assertEquals(Optional.empty(), endpoint("127.0.0.1:5000", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("localhost:5000", false, env).proxy("https"));
        assertEquals(Optional.empty(), endpoint("harbor.example.edu", false, Map.of("NO_PROXY", "*", "HTTPS_PROXY", "p:1")).proxy("https"));
    }

    private RegistryEndpoint endpoint(String registry, boolean insecure, Map<String, String> env) {
        return RegistryEndpoint.of(registry, insecure, env, dir.resolve("home"), dir.resolve("etc-docker"), TrustRoots.JAVA);
    }
}
