package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.SelfSignedCertificate;
import io.github.harborupload.harbor.HarborException;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.registry.ConnectionFailure;
import io.github.harborupload.registry.RegistryEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks before a push trust what the push trusts: a Harbor whose certificate is signed by a
 * CA found only in certs.d (docker's registry.ReadCertsDirectory, which RegistryEndpoint reads as
 * the push does) answers the checks; without that CA the checks fail as a TLS failure, named as
 * the push names it (ProblemRules.ofHarbor → TLS_CERTIFICATE), not as "cannot reach Harbor".
 * The Harbor answers are those of goharbor/harbor api/v2.0/swagger.yaml (project summary, artifact).
 */
class PreflightTrustTest {

    private static final Credential ALICE = new Credential("alice", "Ab3dE_fG-h1JkLmNoPq2");

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private SelfSignedCertificate certificate;
    private HttpsServer harbor;
    private HarborTarget target;

    @BeforeEach
    void startHarborWithItsOwnCa() throws Exception {
        certificate = SelfSignedCertificate.of("harbor.campus.test");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificate.keyStore(), new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        harbor = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        harbor.setHttpsConfigurator(new HttpsConfigurator(tls));
        harbor.createContext("/api/v2.0/projects/user-alice/summary", exchange -> answer(exchange, 200,
                "{\"quota\":{\"hard\":{\"storage\":1000000},\"used\":{\"storage\":1000}}}"));
        harbor.createContext("/api/v2.0/projects/user-alice/repositories/app/artifacts/v1", exchange -> answer(exchange, 404,
                "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"artifact user-alice/app:v1 not found\"}]}"));
        harbor.createContext("/api/v2.0/projects/user-alice/repositories/moved/artifacts/v1", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            answer(exchange, 302, "");
        });
        harbor.createContext("/elsewhere", exchange -> answer(exchange, 200, "{}"));
        harbor.start();
        String registry = InetAddress.getLoopbackAddress().getHostAddress() + ":" + harbor.getAddress().getPort();
        target = new HarborTarget(registry, "user-alice", "app", "v1");
    }

    @AfterEach
    void stop() {
        harbor.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        // Whether a login came, never the header itself: the test's output must not hold it either.
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestURI().getPath() + (authorization != null && authorization.startsWith("Basic ")
                ? " with Basic auth" : " anonymous"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Checked https, as for any registry that is not loopback or on the engine's insecure list. */
    private RegistryEndpoint endpoint(Path home) {
        return RegistryEndpoint.of(target.registry(), false, Map.of(), home);
    }

    @Test
    void theChecksPassWithTheCaOnlyInTheUsersCertsD(@TempDir Path home) throws Exception {
        Path certsD = Files.createDirectories(home.resolve(".docker/certs.d").resolve(target.registry()));
        certificate.writeCertificate(certsD.resolve("ca.crt"));

        Preflight.Report report = Preflight.check(target, endpoint(home), ALICE, 500, Optional.empty());

        assertEquals(new StorageQuota(1000, 1_000_000), report.quota().value());
        assertFalse(report.tagExists().value());
        assertEquals(2, requests.size(), "both checks reached Harbor over TLS");
        assertTrue(requests.stream().allMatch(request -> request.endsWith(" with Basic auth")), requests.toString());
    }

    @Test
    void aRedirectIsNeverFollowedWithThePassword(@TempDir Path home) throws Exception {
        // HarborClient's rule, kept with the push's client (RegistryEndpoint.newHttpClient: Redirect.NEVER):
        // a redirect would carry the Authorization header to wherever it points.
        Path certsD = Files.createDirectories(home.resolve(".docker/certs.d").resolve(target.registry()));
        certificate.writeCertificate(certsD.resolve("ca.crt"));
        HarborTarget moved = new HarborTarget(target.registry(), "user-alice", "moved", "v1");

        Preflight.Report report = Preflight.check(moved, endpoint(home), ALICE, 500, Optional.empty());

        assertFalse(report.tagExists().isAnswered(), report.tagExists().toString());
        assertTrue(requests.stream().noneMatch(request -> request.startsWith("/elsewhere")), requests.toString());
    }

    @Test
    void withoutTheCaTheChecksFailNamedAsAnUntrustedCertificate(@TempDir Path home) {
        Preflight.Report report = Preflight.check(target, endpoint(home), ALICE, 500, Optional.empty());

        assertFalse(report.quota().isAnswered());
        assertFalse(report.tagExists().isAnswered());
        assertTrue(requests.isEmpty(), "the password never went to an unverified server");
        HarborException failure = report.quota().failure().orElseThrow();
        assertEquals(ConnectionFailure.TLS, failure.connectionFailure(), failure.getMessage());
        assertFalse(failure.getMessage().contains(ALICE.password()));
        assertFalse(report.toString().contains(ALICE.password()));

        Problem problem = Problems.of(failure);
        assertEquals(ProblemType.TLS_CERTIFICATE, problem.type(), "not HARBOR_CHECK_FAILED's \"could not be asked\"");
        assertEquals("Harbor's certificate is not trusted", new Translator(Language.ENGLISH).text(problem.title()));
        assertEquals("Harbor 的证书不受信任", new Translator(Language.CHINESE).text(problem.title()));
    }
}
