package io.github.harborupload.docker.config;

import static io.github.harborupload.docker.config.ConfigFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.EngineLocation.Tls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    /** {@code printf remote | sha256sum}: the CLI's folder name for the context "remote". */
    private static final String REMOTE_FOLDER = "b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a";

    @TempDir
    Path configDir;

    private EngineLocation locate(Map<String, String> env, String osName) {
        return new EngineLocator(new DockerConfigFolder(configDir), env, osName).locate();
    }

    private EngineLocation locate(Map<String, String> env) {
        return locate(env, "Linux");
    }

    private void remoteContext(String endpoint) {
        write(configDir.resolve("contexts/meta/" + REMOTE_FOLDER + "/meta.json"),
                "{\"Name\":\"remote\",\"Metadata\":{\"Description\":\"lab server\"},\"Endpoints\":{\"docker\":" + endpoint + "}}");
    }

    @Test
    void withoutSettingsItIsThePlatformsDefaultSocket() {
        assertEquals(EngineLocation.of("unix:///var/run/docker.sock", "default"), locate(Map.of(), "Linux"));
        assertEquals(EngineLocation.of("unix:///var/run/docker.sock", "default"), locate(Map.of(), "Mac OS X"));
        assertEquals(EngineLocation.of("npipe:////./pipe/docker_engine", "default"), locate(Map.of(), "Windows 11"));
    }

    @Test
    void onMacWithoutTheSystemSocketTheFirstEngineSocketInTheHomeIsUsed() {
        // Issue 16, item 5: Docker Desktop 4.13+ may keep its socket only in ~/.docker/run
        // (spring-boot#32897); Colima, OrbStack, Rancher Desktop and Podman machine keep theirs in the
        // home too, and an app started from Finder does not see DOCKER_HOST from ~/.zshrc.
        Path home = configDir.resolve("home");
        Path missingSystemSocket = configDir.resolve("var-run-docker.sock");
        Map<String, String> finderEnv = Map.of("HOME", home.toString());
        EngineLocator mac = new EngineLocator(new DockerConfigFolder(configDir), finderEnv, "Mac OS X", missingSystemSocket);

        assertEquals("unix://" + missingSystemSocket, mac.locate().host(), "nothing found: the system socket is named");
        write(home.resolve(".rd/docker.sock"), "");
        assertEquals("unix://" + home.resolve(".rd/docker.sock"), mac.locate().host());
        write(home.resolve(".colima/default/docker.sock"), "");
        assertEquals("unix://" + home.resolve(".colima/default/docker.sock"), mac.locate().host(), "Colima before Rancher");
        write(home.resolve(".docker/run/docker.sock"), "");
        assertEquals("unix://" + home.resolve(".docker/run/docker.sock"), mac.locate().host(), "Docker Desktop first");
        write(missingSystemSocket, "");
        assertEquals("unix://" + missingSystemSocket, mac.locate().host(), "the system socket wins when present");
        assertEquals("unix://" + missingSystemSocket,
                new EngineLocator(new DockerConfigFolder(configDir), finderEnv, "Linux", missingSystemSocket).locate().host());
    }

    @Test
    void onMacPodmanMachineOfPodman5IsFoundInTmpdir() {
        // Issue 16, item 5: podman 5 puts the machine's API socket in $TMPDIR/podman (podman machine inspect).
        Path tmp = configDir.resolve("tmp");
        write(tmp.resolve("podman/podman-machine-default-api.sock"), "");
        EngineLocator mac = new EngineLocator(new DockerConfigFolder(configDir), Map.of("TMPDIR", tmp.toString()),
                "Mac OS X", configDir.resolve("no.sock"));

        assertEquals("unix://" + tmp.resolve("podman/podman-machine-default-api.sock"), mac.locate().host());
    }

    @Test
    void dockerHostWinsOverEverything() {
        remoteContext("{\"Host\":\"tcp://10.0.0.5:2376\"}");
        write(configDir.resolve("config.json"), "{\"currentContext\": \"remote\"}");

        EngineLocation location = locate(Map.of("DOCKER_HOST", "unix:///tmp/stack/docker.sock", "DOCKER_CONTEXT", "remote"));

        assertEquals(EngineLocation.of("unix:///tmp/stack/docker.sock", "DOCKER_HOST"), location);
    }

    @Test
    void anEmptyDockerHostIsNotSet() {
        assertEquals("default", locate(Map.of("DOCKER_HOST", "")).origin());
    }

    @Test
    void dockerTlsVerifyTakesItsCertificatesFromDockerCertPathOrTheConfigFolder() {
        Map<String, String> verify = Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1");

        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.VERIFIED, configDir, "DOCKER_HOST"), locate(verify));

        Map<String, String> withCerts = Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/etc/docker-certs");
        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.VERIFIED, Path.of("/etc/docker-certs"), "DOCKER_HOST"),
                locate(withCerts));
    }

    @Test
    void dockerTlsVerifyCountsWhenSetToAnythingLikeInTheCli() {
        // docker/cli cli/flags/options.go: os.Getenv(client.EnvTLSVerify) != "", so "0" turns it on too.
        assertEquals(Tls.VERIFIED, locate(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "0")).tls());
        assertEquals(Tls.PLAIN, locate(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "")).tls());
    }

    @Test
    void dockerTlsAloneAsksForTlsWithoutVerificationWithTheCertificateFolder() {
        // docker/cli cli/flags/options.go: DOCKER_TLS turns TLS on; InsecureSkipVerify = !TLSVerify.
        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.UNVERIFIED, Path.of("/etc/docker-certs"), "DOCKER_HOST"),
                locate(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS", "1", "DOCKER_CERT_PATH", "/etc/docker-certs")));
        // Verification wins when both are set, as --tlsverify implies --tls.
        assertEquals(Tls.VERIFIED,
                locate(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS", "1", "DOCKER_TLS_VERIFY", "1")).tls());
    }

    @Test
    void tlsWithoutDockerHostMeansTheLocalTlsPort() {
        // docker/cli cli/command/cli.go resolveDefaultDockerEndpoint: ParseHost(defaultToTLS, "") is
        // opts/hosts.go defaultTLSHost when TLS is on.
        assertEquals(new EngineLocation("tcp://localhost:2376", Tls.UNVERIFIED, configDir, "default"),
                locate(Map.of("DOCKER_TLS", "1")));
    }

    @Test
    void theCurrentContextOfTheConfigFileIsRead() {
        remoteContext("{\"Host\":\"tcp://10.0.0.5:2375\",\"SkipTLSVerify\":false}");
        write(configDir.resolve("config.json"), "{\"auths\": {}, \"currentContext\": \"remote\"}");

        assertEquals(EngineLocation.of("tcp://10.0.0.5:2375", "context remote"), locate(Map.of()));
    }

    @Test
    void dockerContextWinsOverTheCurrentContext() {
        remoteContext("{\"Host\":\"ssh://me@lab-server\"}");
        write(configDir.resolve("config.json"), "{\"currentContext\": \"gone\"}");

        assertEquals("ssh://me@lab-server", locate(Map.of("DOCKER_CONTEXT", "remote")).host());
    }

    @Test
    void theDefaultContextIsTheDefaultSocket() {
        write(configDir.resolve("config.json"), "{\"currentContext\": \"remote\"}");

        assertEquals(EngineLocation.of("unix:///var/run/docker.sock", "default"), locate(Map.of("DOCKER_CONTEXT", "default")));
    }

    @Test
    void aContextsTlsFilesAskForVerifiedTlsAndSkipTlsVerifyKeepsTlsWithTheFiles() throws IOException {
        // docker/cli cli/context/docker/load.go, tlsConfig: TLS files or SkipTLSVerify mean TLS;
        // SkipTLSVerify only sets InsecureSkipVerify and keeps the client certificate.
        Path tls = Files.createDirectories(configDir.resolve("contexts/tls/" + REMOTE_FOLDER + "/docker"));
        write(tls.resolve("ca.pem"), "ca");
        remoteContext("{\"Host\":\"tcp://10.0.0.5:2376\",\"SkipTLSVerify\":false}");

        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.VERIFIED, tls, "context remote"),
                locate(Map.of("DOCKER_CONTEXT", "remote")));

        remoteContext("{\"Host\":\"tcp://10.0.0.5:2376\",\"SkipTLSVerify\":true}");
        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.UNVERIFIED, tls, "context remote"),
                locate(Map.of("DOCKER_CONTEXT", "remote")));
    }

    @Test
    void skipTlsVerifyWithoutTlsFilesIsStillTls() {
        // The issue 13 leak: this context was spoken to in plain HTTP, the Harbor password with it.
        remoteContext("{\"Host\":\"tcp://10.0.0.5:2376\",\"SkipTLSVerify\":true}");

        assertEquals(new EngineLocation("tcp://10.0.0.5:2376", Tls.UNVERIFIED, null, "context remote"),
                locate(Map.of("DOCKER_CONTEXT", "remote")));
    }

    @Test
    void aNamedContextIgnoresTheTlsVariables() {
        // docker/cli cli/command/cli.go: the environment's TLS options build only the default endpoint.
        remoteContext("{\"Host\":\"tcp://10.0.0.5:2375\"}");

        assertEquals(Tls.PLAIN, locate(Map.of("DOCKER_CONTEXT", "remote", "DOCKER_TLS_VERIFY", "1")).tls());
    }

    @Test
    void aMissingContextIsAnErrorNamingIt() {
        write(configDir.resolve("config.json"), "{\"currentContext\": \"colima\"}");

        ContextNotFoundException e = assertThrows(ContextNotFoundException.class, () -> locate(Map.of()));

        assertEquals("colima", e.context());
        assertTrue(e.getMessage().contains("\"colima\""), e.getMessage());
        assertTrue(e.chosenBy().startsWith("currentContext in "), e.chosenBy());
        assertEquals("DOCKER_CONTEXT",
                assertThrows(ContextNotFoundException.class, () -> locate(Map.of("DOCKER_CONTEXT", "nope"))).chosenBy());
    }

    @Test
    void aContextWithoutADockerEndpointIsInvalid() {
        write(configDir.resolve("contexts/meta/" + REMOTE_FOLDER + "/meta.json"), "{\"Name\":\"remote\",\"Endpoints\":{}}");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> locate(Map.of("DOCKER_CONTEXT", "remote")));

        assertEquals(ConfigFileException.Reason.INVALID, e.reason());
    }
}
