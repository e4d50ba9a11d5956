package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.settings.AppFolders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platforms an import sends (issue 12). Sources: containerd's platforms.Format and Normalize
 * (arm64's default variant v8 dropped), the OCI image spec (an index's manifests[].platform, an
 * image config's os/architecture/variant), crater-harbor-api.md §9 (values like linux/amd64).
 */
class ImageArchitecturesTest {

    @TempDir
    Path dir;

    private static SSLContext selfSigned;

    private HttpsServer registry;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    /**
     * A self-signed certificate for the stand-in: a registry on loopback is insecure to docker, which
     * asks it over https without checks first (moby registry/service.go); a plain JDK HttpServer
     * would hold that TLS hello unanswered until the connect timeout.
     */
    @BeforeAll
    static void makeCertificate(@TempDir Path keys) throws Exception {
        Path store = keys.resolve("registry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, "changeit".toCharArray());
        selfSigned = SSLContext.getInstance("TLS");
        selfSigned.init(keyManagers.getKeyManagers(), null, null);
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void aPlatformReadsAsContainerdWritesIt() {
        assertEquals(Optional.of("linux/amd64"), ImageArchitectures.platform("linux", "amd64", null));
        assertEquals(Optional.of("linux/arm64"), ImageArchitectures.platform("linux", "arm64", "v8"));
        assertEquals(Optional.of("linux/arm/v7"), ImageArchitectures.platform("linux", "arm", "v7"));
        assertEquals(Optional.empty(), ImageArchitectures.platform("linux", "", null));
    }

    @Test
    void aLinkThatIsNotLocalIsReadFromTheImagesConfigInTheRegistry() throws Exception {
        String config = "{\"architecture\":\"arm\",\"variant\":\"v7\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
        String configDigest = serve("/v2/user-alice/app/blobs/", config);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length()
                + ",\"digest\":\"" + configDigest + "\"},\"layers\":[]}";
        served.put("/v2/user-alice/app/manifests/v1", manifest.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("linux/arm/v7"), architectures().ofLink(target("v1")));
    }

    @Test
    void anIndexGivesEveryPlatformButAttestations() throws Exception {
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + entry("linux", "amd64", null) + "," + entry("linux", "arm64", "v8") + "," + entry("unknown", "unknown", null) + "]}";
        served.put("/v2/user-alice/app/manifests/multi", index.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("linux/amd64", "linux/arm64"), architectures().ofLink(target("multi")));
    }

    @Test
    void nothingKnownIsNothingSent() throws Exception {
        // No such tag in the registry, and no engine: the import then leaves archs out.
        assertEquals(List.of(), architectures().ofLink(target("missing")));
    }

    private ImageArchitectures architectures() throws IOException {
        registry = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.setHttpsConfigurator(new HttpsConfigurator(selfSigned));
        registry.createContext("/", this::answer);
        registry.start();
        // No Docker here: the engine's inspect fails and the registry is asked.
        return new ImageArchitectures(new Services(new Environment(Map.of(
                "DOCKER_CONFIG", dir.resolve("docker").toString(),
                "DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"),
                AppFolders.OVERRIDE_VARIABLE, dir.resolve("app").toString(),
                "PATH", "/nonexistent"), "Linux", dir)));
    }

    private HarborTarget target(String tag) {
        return new HarborTarget("127.0.0.1:" + registry.getAddress().getPort(), "user-alice", "app", tag);
    }

    /** A plain registry without auth: /v2/ answers 200, manifests and blobs as put in {@link #served}. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/v2/") ? "{}".getBytes(StandardCharsets.UTF_8) : served.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Docker-Content-Digest", sha256(body));
            exchange.getResponseHeaders().add("Content-Type", path.contains("/manifests/")
                    ? (new String(body, StandardCharsets.UTF_8).contains("\"manifests\"") ? "application/vnd.oci.image.index.v1+json"
                    : "application/vnd.docker.distribution.manifest.v2+json") : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String serve(String prefix, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String digest = sha256(bytes);
        served.put(prefix + digest, bytes);
        return digest;
    }

    private static String entry(String os, String arch, String variant) {
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"size\":1,\"digest\":\"sha256:" + "0".repeat(64)
                + "\",\"platform\":{\"os\":\"" + os + "\",\"architecture\":\"" + arch + "\""
                + (variant == null ? "" : ",\"variant\":\"" + variant + "\"") + "}}";
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
