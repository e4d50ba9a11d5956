package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.FakePlatform.ImageRecord;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upload} in-process on the real stack, with the local platform server behind the stack's
 * Harbor look-alike: the platform names {@link TestStack#harbor()} as its Harbor, whose
 * {@code /v2/} is the real registry and whose {@code /api/} is this server on
 * {@link TestStack#harborApiPort()}. So the credential fetch resets a real registry login
 * (backend/internal/handler/image/harbor.go: UserGetProjectCredential), the Docker login after it
 * is real, and the checks before the push ask Harbor's API (goharbor/harbor swagger: project
 * summary, artifact) through the same address the image goes to.
 */
class UploadCommandIT {

    private static final int MIB = 1 << 20;
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Another class's server may still hold the port for a moment; a parallel build elsewhere for longer. */
    private static final Duration PORT_WAIT = Duration.ofMinutes(3);

    private static TestStack stack;
    private static HtpasswdRegistry registry;
    private static FakePlatform platform;
    private static StackImages images;
    /** Two layers of random bytes, 4 MiB in all. */
    private static String freshImage;

    @TempDir
    Path dir;
    private CliRunner cli;
    private String user;
    private Credential reader;

    @BeforeAll
    static void startPlatformBehindTheHarborLookAlike(@TempDir Path work) throws Exception {
        stack = TestStack.require();
        registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"), stack.registry(),
                new Credential(stack.user(), stack.password()));
        platform = startOnHarborApiPort().harborServer(stack.harbor());
        images = new StackImages(stack);
        freshImage = images.buildRandom(TestStack.uniqueRepository("local/cli-upload"), 2, 2 * MIB, work);
    }

    /** On the port the look-alike passes /api/ to; waits while another test run holds it. */
    private static FakePlatform startOnHarborApiPort() throws Exception {
        long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        while (true) {
            try {
                return FakePlatform.start(ServerVersion.CURRENT, registry, stack.harborApiPort());
            } catch (BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(500);
            }
        }
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (images != null) {
            images.close();
        }
    }

    @BeforeEach
    void signIn() {
        user = "cli-up-" + Long.toHexString(System.nanoTime());
        platform.user(user, "platform-pw-" + user);
        reader = new Credential(stack.user(), stack.password());
        cli = new CliRunner(dir, stack.dockerHost());
        CliRunner.Result login = cli.runWithInput("platform-pw-" + user, "platform", "login", "--url",
                platform.address().toString(), "--username", user, "--password-stdin");
        assertEquals(0, login.exit(), login.all());
    }

    @AfterEach
    void removeUser() throws IOException {
        platform.quotaUnavailable(false);
        registry.remove(user);
        platform.deleteUser(user);
    }

    /** A repository of its own; the tags the upload makes in the engine are removed afterwards. */
    private String freshRepository(String... tags) {
        String repository = TestStack.uniqueRepository("cli-upload");
        for (String tag : tags) {
            images.removeLater(link(repository, tag));
        }
        return repository;
    }

    private String link(String repository, String tag) {
        return stack.harbor() + "/user-" + user + "/" + repository + ":" + tag;
    }

    private Optional<String> servedDigest(String repository, String tag) {
        return RegistryManifests.digest(stack.registry(), "user-" + user + "/" + repository, tag, reader);
    }

    private long credentialFetches() {
        return platform.requests("POST", "/api/v1/images/credential").size();
    }

    @Test
    void theWholePathInOneCommandWithJson() throws Exception {
        String repository = freshRepository("1");
        CliRunner.Result result = cli.run("upload", freshImage, "--repository", repository, "--tag", "1",
                "--reset-credentials", "--yes", "--json");

        assertEquals(0, result.exit(), result.all());
        assertEquals(1, result.out().lines().count(), "only the JSON object on standard output: " + result.out());
        JsonNode printed = JSON.readTree(result.out());
        assertEquals(link(repository, "1"), printed.path("target").asText());
        assertEquals(servedDigest(repository, "1"), Optional.of(printed.path("digest").asText()));
        assertTrue(printed.path("size").asLong() > 0);
        assertTrue(printed.path("imported").asBoolean());

        // The room was checked before the push: the new project's 40 GiB (the quota test shows it is Harbor's answer).
        assertTrue(result.err().lines().anyMatch(line -> line.startsWith("Room in your project: 42.9 GB free")), result.err());
        ImageRecord imported = platform.images().stream().filter(image -> image.link().equals(link(repository, "1")))
                .findFirst().orElseThrow();
        assertEquals(user, imported.owner());
        assertEquals(repository + ":1", imported.description());

        // The fetched login was checked by the engine and stored as docker login stores it; it is the registry's current one.
        JsonNode config = JSON.readTree(cli.dockerConfig.resolve("config.json").toFile());
        String[] stored = new String(Base64.getDecoder().decode(config.path("auths").path(stack.harbor()).path("auth").asText()),
                StandardCharsets.UTF_8).split(":", 2);
        assertEquals(user, stored[0]);
        assertTrue(registry.accepts(user, stored[1]));
        assertFalse(result.all().contains(stored[1]), "the password is never printed");
    }

    @Test
    void aStoredLoginIsUsedWithoutResettingThePassword() {
        String repository = freshRepository("1", "2");
        assertEquals(0, cli.run("upload", freshImage, "--repository", repository, "--tag", "1", "--reset-credentials",
                "--yes", "--progress", "none").exit());
        long fetches = credentialFetches();

        CliRunner.Result again = cli.run("upload", freshImage, "--repository", repository, "--tag", "2", "--progress", "none");

        assertEquals(0, again.exit(), again.all());
        assertEquals(fetches, credentialFetches(), "no new credentials: the stored login was used");
        assertTrue(again.out().contains("Using the login stored for " + stack.harbor()), again.out());
        assertTrue(servedDigest(repository, "2").isPresent());
    }

    @Test
    void aStoredLoginMadeStaleByAResetElsewhereSaysHowToFetchNewOnes() throws IOException {
        String repository = freshRepository("1", "2");
        assertEquals(0, cli.run("upload", freshImage, "--repository", repository, "--tag", "1", "--reset-credentials",
                "--yes", "--progress", "none").exit());
        // The credential dialog of the platform's web page was used meanwhile: a new password.
        registry.setPassword(user, "reset-elsewhere-" + user);

        CliRunner.Result stale = cli.run("upload", freshImage, "--repository", repository, "--tag", "2", "--progress", "none");
        assertEquals(ExitCode.AUTH.code(), stale.exit(), stale.all());
        assertTrue(stale.err().contains(ENGLISH.text(ProblemType.LOGIN_FAILED.title())), stale.err());
        assertTrue(stale.err().contains("--reset-credentials"), stale.err());
        assertEquals(Optional.empty(), servedDigest(repository, "2"));

        CliRunner.Result fresh = cli.run("upload", freshImage, "--repository", repository, "--tag", "2", "--reset-credentials",
                "--yes", "--progress", "none");
        assertEquals(0, fresh.exit(), fresh.all());
        assertTrue(servedDigest(repository, "2").isPresent());
    }

    @Test
    void withoutAStoredLoginAndNoTerminalItRefusesToResetThePassword() {
        long fetches = credentialFetches();
        String repository = freshRepository();
        CliRunner.Result refused = cli.run("upload", freshImage, "--repository", repository, "--tag", "1", "--yes");

        assertEquals(ExitCode.AUTH.code(), refused.exit(), refused.all());
        assertTrue(refused.err().contains("No login is stored for " + stack.harbor()), refused.err());
        assertTrue(refused.err().contains("--reset-credentials --yes"), "says how: " + refused.err());
        CliRunner.Result noYes = cli.run("upload", freshImage, "--repository", repository, "--reset-credentials");
        assertEquals(ExitCode.USAGE.code(), noYes.exit(), noYes.all());
        assertEquals(fetches, credentialFetches(), "the Harbor password was not reset");
        assertFalse(Files.exists(cli.dockerConfig.resolve("config.json")));
    }

    @Test
    void aQuotaTooSmallForTheImageStopsBeforeThePush() {
        // harbor.go UserGetProjectCredential creates the project only when missing: this one keeps its 1 MiB.
        platform.harbor().project("user-" + user, user, MIB, 0);
        // The platform's own quota endpoint says nothing, so only Harbor's API, behind the look-alike, can tell.
        platform.quotaUnavailable(true);
        String repository = freshRepository("1");
        CliRunner.Result anyway = cli.run("upload", freshImage, "--repository", repository, "--tag", "1",
                "--reset-credentials", "--yes", "--progress", "none");

        assertEquals(0, anyway.exit(), "--yes pushes although the room looks too small: " + anyway.all());
        assertTrue(anyway.err().contains(ENGLISH.text(ProblemType.QUOTA_TOO_SMALL.title())), anyway.err());
        String other = freshRepository("1");
        CliRunner.Result stopped = cli.run("upload", freshImage, "--repository", other, "--tag", "1", "--progress", "none");

        assertEquals(ExitCode.QUOTA.code(), stopped.exit(), stopped.all());
        assertTrue(stopped.err().contains(ENGLISH.text(ProblemType.QUOTA_TOO_SMALL.title())), stopped.err());
        assertTrue(stopped.err().contains("Nothing was pushed"), stopped.err());
        assertEquals(Optional.empty(), servedDigest(other, "1"), "blocked before pushing");
        assertTrue(platform.images().stream().noneMatch(image -> image.link().equals(link(other, "1"))));
    }

    @Test
    void pushAsksHarborAboutTheTagAsUploadDoes() {
        // Issue 14: push runs upload's preparation (flow.PushPreparation), so a tag Harbor holds stops it without --yes.
        String repository = freshRepository("1");
        assertEquals(0, cli.run("upload", freshImage, "--repository", repository, "--tag", "1", "--reset-credentials",
                "--yes", "--progress", "none").exit());
        Optional<String> first = servedDigest(repository, "1");

        CliRunner.Result stopped = cli.run("push", stack.tinyImage(), "--target", link(repository, "1"), "--progress", "none");

        assertEquals(ExitCode.USAGE.code(), stopped.exit(), stopped.all());
        assertTrue(stopped.err().contains(link(repository, "1") + " already exists in Harbor"), stopped.err());
        assertEquals(first, servedDigest(repository, "1"), "not overwritten");
        CliRunner.Result overwritten = cli.run("push", stack.tinyImage(), "--target", link(repository, "1"),
                "--yes", "--progress", "none");
        assertEquals(0, overwritten.exit(), overwritten.all());
        assertTrue(overwritten.err().contains("overwriting " + link(repository, "1")), overwritten.err());
        assertNotEquals(first, servedDigest(repository, "1"), "--yes overwrites");
    }

    @Test
    void aTagThatExistsStopsWithoutYes() {
        String repository = freshRepository("1");
        assertEquals(0, cli.run("upload", freshImage, "--repository", repository, "--tag", "1", "--reset-credentials",
                "--yes", "--progress", "none").exit());
        Optional<String> first = servedDigest(repository, "1");
        int imports = platform.images().size();

        CliRunner.Result stopped = cli.run("upload", stack.tinyImage(), "--repository", repository, "--tag", "1",
                "--progress", "none");

        assertEquals(ExitCode.USAGE.code(), stopped.exit(), stopped.all());
        assertTrue(stopped.err().contains(link(repository, "1") + " already exists in Harbor"), stopped.err());
        assertTrue(stopped.err().contains("--tag") && stopped.err().contains("--yes"), stopped.err());
        assertEquals(first, servedDigest(repository, "1"), "not overwritten");
        assertEquals(imports, platform.images().size());
    }
}
