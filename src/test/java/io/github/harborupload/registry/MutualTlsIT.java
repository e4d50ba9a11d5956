package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.testsupport.MutualTlsGateway;
import io.github.harborupload.testsupport.TestStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry behind a gateway that requires a client certificate: the pair docker reads from
 * {@code certs.d/<host:port>/} ({@code client.cert}, {@code client.key}; docker's docs "Verify
 * repository client with certificates", moby registry.ReadCertsDirectory) is offered in the
 * handshake. The gateway is nginx ({@code ssl_verify_client on}) in front of the stack's registry.
 */
class MutualTlsIT {

    @Test
    void theClientCertificateInCertsDOpensTheGatewayAndItsKeyIsNeverSaid(@TempDir Path dir) throws Exception {
        TestStack stack = TestStack.require();
        Path nginx = Files.createDirectories(dir.resolve("nginx"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path serverCert = copy("ec.cert", nginx);
        Path serverKey = copy("ec-pkcs8.key", nginx);
        Path clientCa = copy("rsa.cert", nginx); // self-signed: the client certificate is its own CA
        Credential login = new Credential(stack.user(), stack.password());
        String repository = TestStack.uniqueRepository("registry-it/mutual-tls");

        try (MutualTlsGateway gateway = MutualTlsGateway.start(stack.registry(), nginx, serverCert, serverKey, clientCa)) {
            // Loopback is insecure to docker: https unchecked; the gateway's certificate names no host.
            RegistryClient without = new RegistryClient(RegistryEndpoint.of(gateway.address(), true, Map.of(), home),
                    repository, login, RegistryClientIT.SMALL_CHUNKS);
            RegistryException refused = assertThrows(RegistryException.class, without::tags);
            assertTrue(refused.getMessage().contains("No required SSL certificate was sent"), refused.getMessage());

            Path certs = Files.createDirectories(home.resolve(".docker/certs.d").resolve(gateway.address()));
            copy("rsa.cert", certs, "client.cert");
            Path key = copy("rsa-pkcs1.key", certs, "client.key");
            RegistryClient with = new RegistryClient(RegistryEndpoint.of(gateway.address(), true, Map.of(), home),
                    repository, login, RegistryClientIT.SMALL_CHUNKS);
            UploadedBlob blob = new BlobUploader(with).upload(BlobSource.of(BlobUploaderTest.random(1_500_000)),
                    UploadListener.NONE);

            assertEquals(URI.create("https://" + gateway.address()), with.base());
            assertEquals(1_500_000L, with.blobSize(blob.digest()).orElseThrow());
            String keyLine = Files.readAllLines(key).get(1);
            assertFalse(with.endpoint().toString().contains(keyLine));
            assertFalse(refused.toString().contains(keyLine));
        }
    }

    private static Path copy(String fixture, Path folder) throws Exception {
        return copy(fixture, folder, fixture);
    }

    private static Path copy(String fixture, Path folder, String name) throws Exception {
        Path target = folder.resolve(name);
        Files.writeString(target, PemPrivateKeyTest.fixture(fixture));
        return target;
    }
}
