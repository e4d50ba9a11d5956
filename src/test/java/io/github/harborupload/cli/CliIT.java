package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.reference.Rule;
import io.github.harborupload.reference.Violation;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands in-process against the real stack: the Docker daemon and registry of
 * scripts/stack.sh, with a Docker config folder and a settings folder per test.
 */
class CliIT {

    private static final int MIB = 1 << 20;
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Translator CHINESE = new Translator(Language.CHINESE);

    private static TestStack stack;
    private static StackImages images;
    /** Five layers of random bytes the registry has never seen. */
    private static String freshFiveLayers;
    private static String freshForCancel;

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeAll
    static void buildImages(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        images = new StackImages(stack);
        freshFiveLayers = images.buildRandom(TestStack.uniqueRepository("local/cli-five"), 5, 4 * MIB,
                Files.createDirectory(work.resolve("five")));
        freshForCancel = images.buildRandom(TestStack.uniqueRepository("local/cli-cancel"), 5, 32 * MIB,
                Files.createDirectory(work.resolve("cancel")));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (images != null) {
            images.close();
        }
    }

    @BeforeEach
    void runner() {
        cli = new CliRunner(dir, stack.dockerHost());
    }

    private void logIn(String registry) {
        CliRunner.Result login = cli.runWithInput(stack.password() + "\n",
                "login", "--registry", registry, "--username", stack.user(), "--password-stdin");
        assertEquals(0, login.exit(), login.all());
    }

    /** A repository of its own in the user's project, and its tag removed from the engine afterwards. */
    private String freshRepository(String registry, String project, String prefix) {
        String repository = TestStack.uniqueRepository(prefix);
        images.removeLater(registry + "/" + project + "/" + repository + ":1");
        return repository;
    }

    private String dialog(String layout) throws IOException {
        return LoginCommandTest.layout(layout)
                .replace("https://gpu-harbor.act.buaa.edu.cn", "http://" + stack.registry())
                .replace("alice", stack.user())
                .replace("Ab3dE_fG-h1JkLmNoPq2", stack.password())
                .replace("-b3dE_fG-h1JkLmNoPq2", stack.password());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dialog-c-copied-whole.txt", "dialog-c-loading.txt", "cli-en.txt", "cli-zh.txt"})
    void logsInFromEachLayoutOfTheCredentialDialogAndStoresLikeDocker(String layout) throws IOException {
        Path pasted = Files.writeString(dir.resolve(layout), dialog(layout));
        CliRunner.Result result = cli.run("login", "--registry", stack.registry(), "--credentials-file", pasted.toString());
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().endsWith(LoginCommand.SUCCEEDED + System.lineSeparator()), result.out());
        assertFalse(result.all().contains(stack.password()), "the password is never printed");

        JsonNode config = new ObjectMapper().readTree(cli.dockerConfig.resolve("config.json").toFile());
        String auth = config.path("auths").path(stack.registry()).path("auth").asText();
        assertEquals(stack.user() + ":" + stack.password(), new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8));
        JsonNode settings = new ObjectMapper().readTree(cli.appConfig.resolve("settings.json").toFile());
        assertEquals(stack.registry(), settings.path("harborAddress").asText());
        assertEquals(stack.user(), settings.path("lastUsername").asText());
    }

    @Test
    void theRegistryOfThePastedDialogIsUsedWhenNoneIsGiven() throws IOException {
        CliRunner.Result result = cli.runWithInput(dialog("dialog-c-copied-whole.txt"), "login", "--credentials-file", "-");
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().contains(stack.registry()), result.out());
    }

    @Test
    void aWrongPasswordIsAnAuthProblemAndIsNeverPrinted() {
        String wrong = "wrong-" + Long.toHexString(System.nanoTime());
        CliRunner.Result english = cli.runWithInput(wrong, "login", "--registry", stack.registry(),
                "-u", stack.user(), "--password-stdin", "--verbose");
        assertEquals(ExitCode.AUTH.code(), english.exit(), english.all());
        assertTrue(english.err().contains(ENGLISH.text(ProblemType.LOGIN_FAILED.title())), english.err());
        assertTrue(english.err().contains("401"), "--verbose shows the registry's answer: " + english.err());
        assertFalse(english.all().contains(wrong), english.all());
        assertFalse(Files.exists(cli.dockerConfig.resolve("config.json")), "a refused login is not stored");

        CliRunner.Result chinese = cli.runWithInput(wrong, "login", "--registry", stack.registry(),
                "-u", stack.user(), "--password-stdin", "--lang", "zh");
        assertEquals(ExitCode.AUTH.code(), chinese.exit());
        assertTrue(chinese.err().contains(CHINESE.text(ProblemType.LOGIN_FAILED.title())), chinese.err());
        assertTrue(chinese.err().contains("可能的原因"), chinese.err());
        assertFalse(chinese.all().contains(wrong));
    }

    @Test
    void imagesAsJsonListTheStackImages() throws IOException {
        CliRunner.Result result = cli.run("images", "--json");
        assertEquals(0, result.exit(), result.all());
        JsonNode list = new ObjectMapper().readTree(result.out());
        assertTrue(list.isArray());
        JsonNode tiny = null;
        for (JsonNode image : list) {
            if (stack.tinyImage().equals(image.path("name").asText())) {
                tiny = image;
            }
        }
        assertTrue(tiny != null, "lists " + stack.tinyImage() + ": " + result.out());
        assertTrue(tiny.path("id").asText().startsWith("sha256:"));
        assertEquals(tiny.path("id").asText().substring(7, 19), tiny.path("shortId").asText());
        assertTrue(tiny.path("size").asLong() > 0);

        CliRunner.Result table = cli.run("images", "--lang", "zh");
        assertTrue(table.out().startsWith("名称"), table.out());
        assertTrue(table.out().contains(stack.tinyImage()), table.out());
    }

    @Test
    void pushesAFreshImageAndPrintsTheDigestTheRegistryServes() throws IOException {
        logIn(stack.registry());
        String repository = freshRepository(stack.registry(), "user-" + stack.user(), "cli-push");
        CliRunner.Result result = cli.run("push", freshFiveLayers, "--registry", stack.registry(),
                "--repository", repository, "--tag", "1", "--json");
        assertEquals(0, result.exit(), result.all());

        assertEquals(1, result.out().lines().count(), "only the JSON object on standard output: " + result.out());
        JsonNode pushed = new ObjectMapper().readTree(result.out());
        String target = stack.registry() + "/user-" + stack.user() + "/" + repository + ":1";
        assertEquals(target, pushed.path("target").asText());
        Optional<String> served = RegistryManifests.digest(stack.registry(), "user-" + stack.user() + "/" + repository, "1",
                new Credential(stack.user(), stack.password()));
        assertEquals(served, Optional.of(pushed.path("digest").asText()));
        assertTrue(pushed.path("size").asLong() > 0);

        // Not a terminal: plain progress lines on standard error, up to 100 %, no escape sequence.
        assertTrue(result.err().lines().anyMatch(line -> line.startsWith("100 %")), result.err());
        assertFalse(result.err().contains("\u001b"), result.err());
    }

    @Test
    void theProposedTargetUsesTheStoredLoginAndTheRememberedRegistry() throws IOException {
        logIn(stack.registry());
        // The login remembered the registry: no --registry needed now.
        CliRunner.Result result = cli.run("push", stack.tinyImage(), "--tag", "proposed-"
                + Long.toHexString(System.nanoTime()), "--progress", "none");
        String proposed = stack.registry() + "/user-" + stack.user() + "/local-tiny:";
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().contains("Pushed " + proposed), result.out());
        String link = result.out().lines().filter(line -> line.startsWith("Pushed ")).findFirst().orElseThrow()
                .substring("Pushed ".length());
        images.removeLater(link);

        // Issue 15, item 13: the flow (PushStep) records the push for the wizard's earlier uploads too.
        JsonNode recorded = new ObjectMapper().readTree(cli.run("history", "--json").out()).get(0);
        assertEquals(List.of(link, stack.tinyImage(), "false"), List.of(recorded.path("link").asText(),
                recorded.path("image").asText(), recorded.path("imported").asText()));
        assertTrue(recorded.path("digest").asText().startsWith("sha256:"));
    }

    @Test
    void everyBrokenRuleOfTheTargetIsNamedAndNothingIsTagged() {
        logIn(stack.registry());
        CliRunner.Result result = cli.run("push", stack.tinyImage(), "--registry", stack.registry(),
                "--repository", "Bad Name", "--tag", "-bad tag");
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        long reasons = result.err().lines().filter(line -> line.startsWith("  - ")).count();
        assertTrue(reasons >= 2, "the repository and the tag: " + result.err());
        assertFalse(cli.run("images").out().contains("Bad Name"));

        String noTag = stack.registry() + "/user-x/app";
        CliRunner.Result target = cli.run("push", stack.tinyImage(), "--target", noTag);
        assertEquals(ExitCode.USAGE.code(), target.exit());
        Violation tagEmpty = TagStep.targetOf(noTag).validate().errors().get(0);
        assertEquals(Rule.TAG_EMPTY, tagEmpty.rule());
        assertTrue(target.err().contains(ENGLISH.text(tagEmpty.message())), target.err());
    }

    @Test
    void aSingleLabelHarborAddressIsRefusedAndNothingIsTagged() {
        // normalize.go splitDockerDomain: docker reads harbor/user-x/app:v1 as a Docker Hub repository.
        logIn(stack.registry());
        CliRunner.Result target = cli.run("push", stack.tinyImage(), "--target", "harbor/user-x/app:v1");
        CliRunner.Result registry = cli.run("push", stack.tinyImage(), "--registry", "harbor", "--username", "x");
        for (CliRunner.Result result : List.of(target, registry)) {
            assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
            assertTrue(result.err().contains("Docker Hub") && result.err().contains("full host name"), result.err());
        }
        assertFalse(cli.run("images").out().contains("harbor/user-x"), "nothing tagged for Docker Hub");
    }

    @Test
    void withoutAStoredLoginThePushIsAnAuthProblemThatSaysHowToLogIn() {
        CliRunner.Result result = cli.run("push", stack.tinyImage(), "--registry", stack.registry());
        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(ProblemType.NOT_LOGGED_IN.title())), result.err());
        assertTrue(result.err().contains("harbor-upload login --registry " + stack.registry()), result.err());
    }

    @Test
    void aMissingImageIsNotFound() {
        logIn(stack.registry());
        CliRunner.Result result = cli.run("push", "local/no-such-image:1", "--registry", stack.registry());
        assertEquals(ExitCode.NOT_FOUND.code(), result.exit(), result.all());
        assertTrue(result.err().contains("local/no-such-image:1"), result.err());
    }

    @Test
    void aLockedRepositoryIsAPermissionProblem() {
        logIn(stack.denyRegistry());
        String repository = freshRepository(stack.denyRegistry(), "locked", "cli");
        CliRunner.Result result = cli.run("push", stack.tinyImage(), "--target",
                stack.denyRegistry() + "/locked/" + repository + ":1");
        assertEquals(ExitCode.PERMISSION.code(), result.exit(), result.all());
        assertEquals("[]", cli.run("history", "--json").out().strip(), "only a push that succeeded is recorded");
    }

    @Test
    void aFullQuotaIsAQuotaProblemWithHarborsNumbers() {
        logIn(stack.denyRegistry());
        String repository = freshRepository(stack.denyRegistry(), "quota", "cli");
        CliRunner.Result result = cli.run("push", stack.tinyImage(), "--target",
                stack.denyRegistry() + "/quota/" + repository + ":1", "--lang", "zh");
        assertEquals(ExitCode.QUOTA.code(), result.exit(), result.all());
        assertTrue(result.err().contains(CHINESE.text(ProblemType.QUOTA_EXCEEDED.title())), result.err());
        assertTrue(result.err().contains("10.0 MiB"), "the limit Harbor named: " + result.err());
    }

    @Test
    void aRegistryWhereNothingListensIsANetworkProblem() throws IOException {
        String nowhere = "127.0.0.1:1";
        CliRunner.Result login = cli.runWithInput(stack.password(), "login", "--registry", nowhere,
                "-u", stack.user(), "--password-stdin");
        assertEquals(ExitCode.NETWORK.code(), login.exit(), login.all());

        // A login stored earlier, for a registry that has gone away since.
        Files.createDirectories(cli.dockerConfig);
        String auth = Base64.getEncoder().encodeToString((stack.user() + ":" + stack.password()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(cli.dockerConfig.resolve("config.json"), "{\"auths\":{\"" + nowhere + "\":{\"auth\":\"" + auth + "\"}}}");
        String repository = freshRepository(nowhere, "user-" + stack.user(), "cli");
        CliRunner.Result push = cli.run("push", stack.tinyImage(), "--registry", nowhere, "--repository", repository,
                "--tag", "1");
        assertEquals(ExitCode.NETWORK.code(), push.exit(), push.all());
    }

    @Test
    void anEngineThatIsNotThereIsEngineUnreachable() {
        CliRunner missing = new CliRunner(dir.resolve("elsewhere"), "unix://" + dir.resolve("no-docker.sock"));
        CliRunner.Result list = missing.run("images");
        assertEquals(ExitCode.ENGINE_UNREACHABLE.code(), list.exit(), list.all());
        assertTrue(list.err().contains(dir.resolve("no-docker.sock").toString()), "names where it looked: " + list.err());
        assertEquals(ExitCode.ENGINE_UNREACHABLE.code(), missing.run("push", stack.tinyImage()).exit());
    }

    @Test
    void ctrlCPausesThePushAndTheSameCommandFinishesIt() throws Exception {
        // issue 19: the first Ctrl-C pauses the project's own push (the default); running it again goes on.
        logIn(stack.registry());
        String repository = freshRepository(stack.registry(), "user-" + stack.user(), "cli-cancel");
        CompletableFuture<CliRunner.Result> push = CompletableFuture.supplyAsync(() -> cli.run("push", freshForCancel,
                "--registry", stack.registry(), "--repository", repository, "--tag", "1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cli.outSoFar().contains("%") && System.nanoTime() < deadline && !push.isDone()) {
            Thread.sleep(20);
        }
        assertTrue(cli.pressCtrlC(), "the push registered for Ctrl-C: " + cli.outSoFar());
        CliRunner.Result result = push.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCode.CANCELLED.code(), result.exit(), result.all());
        assertTrue(result.err().lines().anyMatch(ENGLISH.text(ProblemType.PAUSED.title())::equals), result.err());
        Credential login = new Credential(stack.user(), stack.password());
        String path = "user-" + stack.user() + "/" + repository;
        assertEquals(Optional.empty(), RegistryManifests.digest(stack.registry(), path, "1", login), "the push did not finish");

        CliRunner.Result again = cli.run("push", freshForCancel, "--registry", stack.registry(), "--repository", repository,
                "--tag", "1");
        assertEquals(0, again.exit(), again.all());
        assertTrue(RegistryManifests.digest(stack.registry(), path, "1", login).isPresent(), "the same command finished it");
    }

    /** {@code HOST/user-USER/REPOSITORY:1} in a repository of its own (see {@link #freshRepository}). */
    private String freshTarget(String prefix) {
        return stack.registry() + "/user-" + stack.user() + "/" + freshRepository(stack.registry(), "user-" + stack.user(), prefix)
                + ":1";
    }

    /** The names the engine lists for the image {@code name} names now. */
    private static List<String> localNames(String name) {
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            String id = engine.inspect(name).id();
            return engine.listImages().stream().filter(image -> image.id().equals(id))
                    .flatMap(image -> image.repoTags().stream()).sorted().toList();
        }
    }

    @Test
    void withRemoveLocalTagThePushRemovesTheNameItMadeAndTheImageKeepsItsOwn() {
        // The wizard's offer after a push (ui.push.LocalNameOffer, issue 15 item 3) as an option for
        // scripts; which name: flow.PushStep.nameToOffer; docker rmi of one of several names removes
        // only that name (moby daemon/images/image_delete.go), as DockerEngine.removeName asks it.
        logIn(stack.registry());
        String repository = freshRepository(stack.registry(), "user-" + stack.user(), "cli-untag");
        String target = stack.registry() + "/user-" + stack.user() + "/" + repository + ":1";
        CliRunner.Result result = cli.run("push", freshFiveLayers, "--target", target, "--remove-local-tag", "--json");
        assertEquals(0, result.exit(), result.all());

        assertEquals(1, result.out().lines().count(), "still only the JSON object on standard output: " + result.out());
        assertTrue(result.err().contains("Removed the local tag " + target + "; the image stays as " + freshFiveLayers),
                result.err());
        assertFalse(localNames(freshFiveLayers).contains(target), localNames(freshFiveLayers).toString());
        assertTrue(localNames(freshFiveLayers).contains(freshFiveLayers));
        assertTrue(RegistryManifests.digest(stack.registry(), "user-" + stack.user() + "/" + repository, "1",
                new Credential(stack.user(), stack.password())).isPresent(), "the push itself is untouched");
    }

    @Test
    void withoutATerminalNothingIsAskedAndTheLocalTagStays() {
        // The question needs a console (ConsolePrompts); a log or a pipe is a script's, which did not ask.
        logIn(stack.registry());
        String target = freshTarget("cli-keep");
        CliRunner.Result result = cli.run("push", freshFiveLayers, "--target", target, "--lang", "zh");
        assertEquals(0, result.exit(), result.all());

        assertFalse(result.all().contains("本地标签"), result.all());
        assertTrue(localNames(freshFiveLayers).contains(target), localNames(freshFiveLayers).toString());
    }

    @Test
    void theNameTheImageWasChosenByIsNeverRemoved() {
        // flow.PushStep.nameToOffer: pushing an image by its Harbor name again offers nothing, so
        // --remove-local-tag says why the name stays (the wizard shows no offer then).
        logIn(stack.registry());
        String target = freshTarget("cli-own-name");
        assertEquals(0, cli.run("push", freshFiveLayers, "--target", target).exit());

        CliRunner.Result again = cli.run("push", target, "--target", target, "--remove-local-tag", "--yes");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("The local tag " + target + " stays"), again.out());
        assertTrue(localNames(freshFiveLayers).contains(target), localNames(freshFiveLayers).toString());
    }

    @Test
    void aCaInTheUsersCertsDServesTheChecksAsThePushAndWithoutItTheCheckNamesTheCertificate() throws IOException {
        // Issue: a Harbor with a campus CA pushed fine while its checks failed with a TLS error.
        // RegistryEndpoint reads certs.d as docker's registry.ReadCertsDirectory does; Preflight now
        // reaches Harbor through the same endpoint (flow.RegistryAccess), and ProblemRules.ofHarbor
        // names the check's TLS failure TLS_CERTIFICATE, as the push's own is named.
        String tls = stack.requireTlsRegistry();
        Files.createDirectories(cli.dockerConfig);
        String auth = Base64.getEncoder().encodeToString((stack.user() + ":" + stack.password()).getBytes(StandardCharsets.UTF_8));
        Files.writeString(cli.dockerConfig.resolve("config.json"), "{\"auths\":{\"" + tls + "\":{\"auth\":\"" + auth + "\"}}}");
        String target = tls + "/user-" + stack.user() + "/" + freshRepository(tls, "user-" + stack.user(), "cli-tls") + ":1";

        CliRunner.Result untrusted = cli.run("push", stack.tinyImage(), "--target", target);
        assertEquals(ExitCode.of(ProblemType.TLS_CERTIFICATE).code(), untrusted.exit(), untrusted.all());
        String named = ENGLISH.text(ProblemType.TLS_CERTIFICATE.title());
        assertTrue(untrusted.out().contains("The room in the project was not checked: " + named), untrusted.all());
        assertTrue(untrusted.out().contains("Whether the tag exists was not checked: " + named), untrusted.all());

        Path certsD = Files.createDirectories(dir.resolve("home/.docker/certs.d").resolve(tls));
        Files.copy(stack.tlsCa(), certsD.resolve("ca.crt"));
        CliRunner.Result trusted = cli.run("push", stack.tinyImage(), "--target", target);
        assertEquals(0, trusted.exit(), trusted.all());
        assertFalse(trusted.all().contains(named), "the checks trust the CA the push trusts: " + trusted.all());
    }
}
