package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.harbor.HarborClient;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.FakePlatform.CredentialFailure;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fake platform on the project's real registry (scripts/stack.sh): fetching credentials
 * creates or resets a real registry login, as UserGetProjectCredential does on Harbor
 * (raids-lab/crater backend/internal/handler/image/harbor.go), and the login that follows is
 * real: {@code GET /v2/} on the registry, and {@code docker login} through the stack's engine.
 * Each test uses its own user; the stack's users are left alone.
 */
class PlatformOnRegistryIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dockerConfig;

    private TestStack stack;
    private HtpasswdRegistry registry;
    private final String user = "plat-" + Long.toHexString(System.nanoTime());
    private final List<String> tagsToRemove = new ArrayList<>();
    private FakePlatform platform;

    @BeforeEach
    void startOnTheStack() {
        stack = TestStack.require();
        registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"), stack.registry(),
                new Credential(stack.user(), stack.password()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (platform != null) {
            platform.close();
        }
        for (String tag : tagsToRemove) {
            docker(List.of("rmi", tag), null);
        }
        if (registry != null) {
            registry.remove(user);
        }
    }

    private PlatformSession signIn(ServerVersion version) throws Exception {
        platform = FakePlatform.start(version, registry).user(user, "platform-pw");
        return new PlatformClient(platform.address()).signIn(user, "platform-pw");
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void fetchingCredentialsResetsTheRealRegistryLogin(ServerVersion version) throws Exception {
        PlatformSession session = signIn(version);
        assertEquals(stack.registry(), session.harborRegistry());
        assertEquals(401, getV2(new Credential(user, "anything")), "no login before the first fetch");

        Credential first = session.resetHarborCredentials();
        assertEquals(user, first.username());
        assertEquals(200, getV2(first));

        Credential second = session.resetHarborCredentials();
        assertEquals(401, getV2(first), "the old password stops working at once");
        assertEquals(200, getV2(second));
    }

    @Test
    void createUserFailedLeavesNoLoginAndTheNextTryWorks() throws Exception {
        PlatformSession session = signIn(ServerVersion.CURRENT);
        Credential old = session.resetHarborCredentials();
        platform.failNextCredential(CredentialFailure.CREATE_USER);

        PlatformException failed = assertThrows(PlatformException.class, session::resetHarborCredentials);

        assertEquals("create user failed", failed.serverMessage());
        assertEquals(401, getV2(old), "Harbor's user was deleted before the create failed");
        assertEquals(200, getV2(session.resetHarborCredentials()));
    }

    @Test
    void theFetchedCredentialLogsInThroughTheDockerEngineAndTheImportIsConfirmed() throws Exception {
        PlatformSession session = signIn(ServerVersion.CURRENT);
        Credential stale = session.resetHarborCredentials();
        Credential current = session.resetHarborCredentials();

        assertFalse(docker(List.of("login", "--username", user, "--password-stdin", stack.registry()), stale.password())
                .contains("Login Succeeded"));
        assertTrue(docker(List.of("login", "--username", user, "--password-stdin", stack.registry()), current.password())
                .contains("Login Succeeded"));

        // Harbor's own check, on the fake Harbor API that asks the same registry.
        HarborClient harbor = new HarborClient(platform.address(), current);

        String repository = TestStack.uniqueRepository("tiny");
        String link = stack.registry() + "/user-" + user + "/" + repository + ":1";
        assertFalse(harbor.artifactExists("user-" + user, repository, "1").value());

        tagsToRemove.add(link);
        docker(List.of("tag", stack.tinyImage(), link), null);
        String pushed = docker(List.of("push", link), null);
        assertTrue(pushed.contains("digest: sha256:"), pushed);

        assertTrue(harbor.artifactExists("user-" + user, repository, "1").value());
        ImportOutcome outcome = session.importAndConfirm(ImportRequest.of(link, "pushed by " + getClass().getSimpleName()));
        assertTrue(outcome.confirmed());
    }

    /** {@code GET /v2/} on the registry with this login: 200 or 401. */
    private int getV2(Credential login) throws IOException, InterruptedException {
        String pair = login.username() + ":" + login.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + stack.registry() + "/v2/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The docker CLI on the stack's engine with a private config folder, so the shared one keeps
     * no login of these tests. Returns what it printed; a password goes on standard input only.
     */
    private String docker(List<String> arguments, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("DOCKER_BIN", "/usr/bin/docker")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", stack.dockerHost());
        builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("docker " + arguments.get(0) + " did not finish");
        }
        return output;
    }
}
