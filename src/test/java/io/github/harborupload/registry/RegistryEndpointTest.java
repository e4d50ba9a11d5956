package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
 * NO_PROXY forms), java.net.http (no proxy unless given a ProxySelector).
 */
class RegistryEndpointTest {

    @TempDir
    Path dir;

    @Test
    void httpsUnlessTheCallerSaysTheRegistryIsInsecure() {
        assertEquals(URI.create("https://harbor.example.edu"), endpoint("Harbor.example.edu", false, Map.of()).base());
        assertEquals(URI.create("http://127.0.0.1:5000"), endpoint("127.0.0.1:5000", true, Map.of()).base());
        assertThrows(IllegalArgumentException.class, () -> endpoint("harbor.example.edu/project", false, Map.of()));
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
                dir.resolve("etc-docker"));

        assertEquals(List.of(etc.resolve("ca.crt"), home.resolve("campus.crt")), endpoint.caFiles());
    }

    @Test
    void aCaFileThatIsNotACertificateIsATlsFailureNamingTheFile() throws Exception {
        Path etc = dir.resolve("etc-docker/certs.d/harbor.example.edu");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        RegistryEndpoint endpoint = RegistryEndpoint.of("harbor.example.edu", false, Map.of(), dir, dir.resolve("etc-docker"));

        RegistryException failure = assertThrows(RegistryException.class, () -> endpoint.newHttpClient(Duration.ofSeconds(1)));

        assertEquals(RegistryException.Kind.TLS, failure.kind());
        assertTrue(failure.getMessage().contains("ca.crt"), failure.getMessage());
    }

    @Test
    void theProxyVariablesAsGoReadsThem() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy.campus.edu:3128", "http_proxy", "http://plain:8080",
                "NO_PROXY", "internal.edu,.lab.edu,10.0.0.0/8,exact:5000");

        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("harbor.example.edu", false, env).proxy());
        assertEquals(Optional.of(URI.create("http://plain:8080")), endpoint("harbor.example.edu", true, env).proxy());
        assertEquals(Optional.empty(), endpoint("harbor.internal.edu", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("internal.edu", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("gpu.lab.edu:443", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("10.1.2.3:5000", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("exact:5000", false, env).proxy());
        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("exact:5001", false, env).proxy());
        assertEquals(Optional.of(URI.create("http://proxy.campus.edu:3128")), endpoint("11.1.2.3", false, env).proxy());
        // Loopback never goes through a proxy.
        assertEquals(Optional.empty(), endpoint("127.0.0.1:5000", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("localhost:5000", false, env).proxy());
        assertEquals(Optional.empty(), endpoint("harbor.example.edu", false, Map.of("NO_PROXY", "*", "HTTPS_PROXY", "p:1")).proxy());
    }

    private RegistryEndpoint endpoint(String registry, boolean plainHttp, Map<String, String> env) {
        return RegistryEndpoint.of(registry, plainHttp, env, dir.resolve("home"), dir.resolve("etc-docker"));
    }
}
