package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.EngineLocation.Tls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to a tcp engine, against a local TLS listener with a self-signed certificate, seen through a
 * relay that records the bytes on the wire. The modes are docker/cli's (cli/context/docker/load.go,
 * tlsConfig); the leak they close is issue 13, item 1: a context with SkipTLSVerify was spoken to
 * in plain HTTP, so the listener received {@code POST /auth … "password":…} in clear.
 */
class EngineTlsTest {

    private static final String PASSWORD = "S3cret-Harbor-Pass!";
    private static final Credential CREDENTIAL = new Credential("robot", PASSWORD);

    @TempDir
    Path certificates;

    private SelfSignedCertificate engineIdentity;
    private TlsLoginEngine engine;
    private RecordingRelay wire;

    @BeforeEach
    void listen() throws Exception {
        engineIdentity = SelfSignedCertificate.of("engine");
        engine = new TlsLoginEngine(engineIdentity);
        wire = new RecordingRelay(engine.port());
    }

    @AfterEach
    void stop() throws Exception {
        wire.close();
        engine.close();
    }

    private EngineLocation at(Tls tls) {
        return new EngineLocation("tcp://127.0.0.1:" + wire.port(), tls, certificates, "context remote");
    }

    @Test
    void withoutVerificationTheLoginGoesOverTlsWithTheClientCertificate() throws Exception {
        SelfSignedCertificate.of("harbor-upload-client").writeClientFiles(certificates);

        try (DockerEngine docker = DockerEngine.connect(at(Tls.UNVERIFIED))) {
            docker.checkLogin("harbor.example.org", CREDENTIAL);
        }

        byte[] onTheWire = wire.received();
        // A TLS record of type handshake (22), version 3.x, whose first message is a ClientHello (1).
        assertEquals(0x16, onTheWire[0]);
        assertEquals(0x03, onTheWire[1]);
        assertEquals(0x01, onTheWire[5]);
        String wireText = new String(onTheWire, StandardCharsets.ISO_8859_1);
        assertFalse(wireText.contains(PASSWORD), "the password crossed the network in clear");
        assertFalse(wireText.contains("POST /auth"), "a request crossed the network in clear");
        // It did reach the engine, inside TLS, with the client certificate: docker's SkipTLSVerify.
        assertEquals(1, engine.requests().size());
        // Messages name no request: it holds the password, which test output must not show.
        assertTrue(engine.requests().get(0).startsWith("POST /auth"), "not the login request");
        assertTrue(engine.requests().get(0).contains(PASSWORD), "the login carried no password");
        assertEquals(List.of("CN=harbor-upload-client"), engine.clientCertificates());
    }

    @Test
    void withoutClientFilesTlsWithoutVerificationStillEncrypts() throws Exception {
        // A context with SkipTLSVerify and no TLS folder: the reported case.
        try (DockerEngine docker = DockerEngine.connect(
                new EngineLocation("tcp://127.0.0.1:" + wire.port(), Tls.UNVERIFIED, null, "context remote"))) {
            docker.checkLogin("harbor.example.org", CREDENTIAL);
        }

        assertEquals(0x16, wire.received()[0]);
        assertFalse(new String(wire.received(), StandardCharsets.ISO_8859_1).contains(PASSWORD));
        assertEquals(List.of("none"), engine.clientCertificates());
    }

    @Test
    void verifiedTlsTrustsCaPem() throws Exception {
        engineIdentity.writeAsCa(certificates);

        try (DockerEngine docker = DockerEngine.connect(at(Tls.VERIFIED))) {
            docker.checkLogin("harbor.example.org", CREDENTIAL);
        }

        assertEquals(1, engine.requests().size());
        assertEquals(0x16, wire.received()[0]);
    }

    @Test
    void verifiedTlsRefusesAnEngineCaPemDoesNotVouchForAndSendsNothingInClear() throws Exception {
        SelfSignedCertificate.of("another authority").writeAsCa(certificates);

        EngineUnreachableException e;
        try (DockerEngine docker = DockerEngine.connect(at(Tls.VERIFIED))) {
            e = assertThrows(EngineUnreachableException.class, () -> docker.checkLogin("harbor.example.org", CREDENTIAL));
        }

        assertEquals(EngineUnreachableException.Reason.TLS, e.reason(), e.getMessage());
        assertTrue(engine.requests().isEmpty());
        assertFalse(new String(wire.received(), StandardCharsets.ISO_8859_1).contains(PASSWORD));
    }

    @Test
    void tlsFilesThatCannotBeUsedAreRefusedBeforeAnythingIsSent() throws Exception {
        SelfSignedCertificate.of("harbor-upload-client").writeClientFiles(certificates);
        Files.writeString(certificates.resolve("key.pem"), "not a key");

        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> DockerEngine.connect(at(Tls.UNVERIFIED)));

        assertEquals(EngineUnreachableException.Reason.TLS, e.reason());
        assertTrue(e.getMessage().contains("key.pem"), e.getMessage());
        assertEquals(0, wire.received().length);
    }

    @Test
    void plainIsOnlyForATcpHostThatAskedForNoTls() throws Exception {
        // The control: without TLS the same call is readable on the wire, so the checks above can fail.
        try (DockerEngine docker = DockerEngine.connect(at(Tls.PLAIN))) {
            assertThrows(EngineException.class, () -> docker.checkLogin("harbor.example.org", CREDENTIAL));
        }

        assertTrue(new String(wire.received(), StandardCharsets.ISO_8859_1).startsWith("POST /auth"));
    }
}
