package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.FaultProxy;
import io.github.harborupload.testsupport.FaultProxy.Answer;
import io.github.harborupload.testsupport.StackControl;
import io.github.harborupload.testsupport.StackControl.Component;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import io.github.harborupload.testsupport.TrustedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against faults made for real: the Docker daemon and the registry crashed in
 * the middle of a push, a registry that answers 503, stalls, refuses with Harbor's own quota and
 * permission texts, has a certificate nobody trusts, or is not there. Each time the problem is
 * named with its advice and exit code, the next command works once the fault is gone, and the
 * layers the registry got before the fault are not sent again.
 *
 * <p>Faults that crash a part of the stack restart it in {@code finally}: one stack serves every
 * test class of a run.
 */
class FaultsCliIT {

    private static final int KIB = 1 << 10;
    private static final int MIB = 1 << 20;
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final String PUSH_BUNDLE = "io.github.harborupload.push.messages";
    private static final String PROBLEMS_BUNDLE = "io.github.harborupload.problems.messages";
    private static final String PUSHED = ENGLISH.text(PUSH_BUNDLE, "layer.pushed");
    private static final String ALREADY_THERE = ENGLISH.text(PUSH_BUNDLE, "layer.already_exists");
    /** Smaller blobs pass a proxy that refuses big ones: the first layer of {@link #freshImage(int)}. */
    private static final long SMALL_BLOB = 1 << 20;
    /** Big layers take seconds to upload, time enough to crash something in the middle. */
    private static final int MID_PUSH_MIB = 48;
    /** Big enough that the small layer is in the registry before a big one's upload ends and is refused. */
    private static final int REFUSED_MIB = 16;

    private static TestStack stack;
    private static StackImages images;
    private static StackControl control;

    @TempDir
    Path dir;
    private CliRunner cli;
    private FaultProxy proxy;

    @BeforeAll
    static void connect() {
        stack = TestStack.require();
        images = new StackImages(stack);
        control = new StackControl(stack);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (images != null) {
            images.close();
        }
    }

    @BeforeEach
    void runner() throws IOException {
        cli = new CliRunner(dir, stack.dockerHost());
        proxy = FaultProxy.start(stack.registry());
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void theDockerDaemonKilledDuringAPush() throws Exception {
        String image = freshImage(MID_PUSH_MIB);
        logIn(stack.registry());
        CliRunner.Result failed;
        try {
            CompletableFuture<CliRunner.Result> push = pushInBackground(image, stack.registry());
            awaitOutput(Duration.ofSeconds(60), this::someLayerPushed);
            control.kill(Component.DOCKERD);
            failed = push.get(60, TimeUnit.SECONDS);
            assertProblem(failed, ExitCode.ENGINE_UNREACHABLE, ProblemType.ENGINE_UNREACHABLE, stack.registry());
            CliRunner.Result images = cli.run("images");
            assertProblem(images, ExitCode.ENGINE_UNREACHABLE, ProblemType.ENGINE_UNREACHABLE, stack.registry());
        } finally {
            control.startAll();
        }
        CliRunner.Result again = push(image, stack.registry());
        assertEquals(0, again.exit(), again.all());
        assertPushedLayersNotSentAgain(failed, again);
    }

    @Test
    void theRegistryKilledDuringAPush() throws Exception {
        String image = freshImage(MID_PUSH_MIB);
        logIn(stack.registry());
        CliRunner.Result failed;
        try {
            CompletableFuture<CliRunner.Result> push = pushInBackground(image, stack.registry());
            awaitOutput(Duration.ofSeconds(60), this::someLayerPushed);
            control.kill(Component.REGISTRY);
            // dockerd retries each unfinished layer after 5, 10, 15 and 20 seconds, then gives up.
            failed = push.get(120, TimeUnit.SECONDS);
        } finally {
            control.startAll();
        }
        assertProblem(failed, ExitCode.NETWORK, ProblemType.REGISTRY_UNREACHABLE, stack.registry());
        assertTrue(failed.err().contains("connection refused"), "--verbose shows the engine's words: " + failed.err());
        assertTrue(TerminalFrames.plain(failed.out()).contains(warning(ProblemType.RETRYING_FOREVER)),
                "while it ran, the push was named as retrying: " + TerminalFrames.plain(failed.out()));

        CliRunner.Result again = push(image, stack.registry());
        assertEquals(0, again.exit(), again.all());
        assertPushedLayersNotSentAgain(failed, again);
    }

    @Test
    void aRegistryAnswering503IsRetriedByTheEngineThenNamed() throws Exception {
        String image = freshImage(REFUSED_MIB);
        logIn(proxy.address());
        proxy.refuseBlobsOver(SMALL_BLOB, repository -> Answer.serviceUnavailable());
        CliRunner.Result failed = push(image, proxy.address());
        assertProblem(failed, ExitCode.NETWORK, ProblemType.REGISTRY_UNREACHABLE, proxy.address());
        assertTrue(failed.err().contains("503 Service Temporarily Unavailable"), failed.err());
        assertTrue(failed.err().contains("Docker retried the upload"), "the retries are told: " + failed.err());
        assertTrue(proxy.refusals() >= 5, "the engine tried each big layer 5 times: " + proxy.refusals());

        proxy.pass();
        CliRunner.Result again = push(image, proxy.address());
        assertEquals(0, again.exit(), again.all());
        assertPushedLayersNotSentAgain(failed, again);
        assertNoBlobUploadedTwice();
    }

    @Test
    void aStalledRegistryIsNamedWhileThePushWaitsAndThePushEndsWhenItMovesAgain() throws Exception {
        String image = freshImage(MID_PUSH_MIB);
        logIn(proxy.address());
        CompletableFuture<CliRunner.Result> push = pushInBackground(image, proxy.address());
        awaitOutput(Duration.ofSeconds(60), this::someLayerPushed);
        proxy.stall();
        try {
            awaitOutput(Duration.ofSeconds(60), out -> TerminalFrames.plain(out).contains(warning(ProblemType.STALLED)));
        } finally {
            proxy.pass();
        }
        CliRunner.Result result = push.get(120, TimeUnit.SECONDS);
        assertEquals(0, result.exit(), result.all());
    }

    @Test
    void harborsQuotaMessageStopsThePushWithItsNumbers() throws Exception {
        String image = freshImage(REFUSED_MIB);
        logIn(proxy.address());
        proxy.refuseBlobsOver(SMALL_BLOB, Answer::harborQuotaExceeded);
        CliRunner.Result failed = push(image, proxy.address());
        assertProblem(failed, ExitCode.QUOTA, ProblemType.QUOTA_EXCEEDED, proxy.address());
        assertTrue(failed.err().contains("10.0 MiB"), "the limit Harbor named: " + failed.err());

        proxy.pass();
        CliRunner.Result again = push(image, proxy.address());
        assertEquals(0, again.exit(), again.all());
        assertPushedLayersNotSentAgain(failed, again);
        assertNoBlobUploadedTwice();
    }

    @Test
    void harborsUnauthorizedToAccessRepositoryIsAPermissionProblemNamingTheRepository() throws Exception {
        String image = freshImage(2);
        logIn(proxy.address());
        proxy.refuseWrites(Answer::harborUnauthorized);
        CliRunner.Result failed = push(image, proxy.address());
        assertProblem(failed, ExitCode.PERMISSION, ProblemType.NO_PERMISSION, proxy.address());
        String repository = "user-" + stack.user() + "/" + repositoryOf(image);
        assertTrue(failed.err().contains("Harbor refused the action \"push\" on " + repository), failed.err());

        proxy.pass();
        CliRunner.Result again = push(image, proxy.address());
        assertEquals(0, again.exit(), again.all());
    }

    @Test
    void aHarborAddressThatDoesNotResolveIsNotFound() {
        CliRunner.Result login = logInTo("harbor.invalid");
        assertProblem(login, ExitCode.NETWORK, ProblemType.REGISTRY_NOT_FOUND, "harbor.invalid");
        assertTrue(login.err().contains("Tried to reach harbor.invalid"), login.err());
        assertFalse(Files.exists(cli.dockerConfig.resolve("config.json")), "nothing was stored");

        assertEquals(0, logInTo(stack.registry()).exit(), "the corrected address works");
    }

    @Test
    void aHarborThatRefusesConnectionsIsUnreachableUntilItIsBack() {
        CliRunner.Result login;
        try {
            control.kill(Component.REGISTRY);
            login = logInTo(stack.registry());
        } finally {
            control.startAll();
        }
        assertProblem(login, ExitCode.NETWORK, ProblemType.REGISTRY_UNREACHABLE, stack.registry());
        assertTrue(login.err().contains("connection refused"), login.err());

        assertEquals(0, logInTo(stack.registry()).exit(), "the same command works once Harbor is back");
    }

    @Test
    void aSelfSignedCertificateAsksForTheCaInCertsD() throws Exception {
        stack.requireTlsRegistry();
        String tls = stack.tlsRegistry();
        CliRunner.Result login = logInTo(tls);
        assertProblem(login, ExitCode.NETWORK, ProblemType.TLS_CERTIFICATE, tls);
        assertTrue(login.err().contains("/etc/docker/certs.d/" + tls + "/ca.crt"), login.err());
        assertTrue(login.err().contains("x509: certificate signed by unknown authority"), login.err());

        try (TrustedCertificate trusted = TrustedCertificate.install(tls, stack.tlsCa())) {
            assertEquals(0, logInTo(tls).exit(), "trusted, the same login works");
            String image = freshImage(2);
            CliRunner.Result push = push(image, tls);
            assertEquals(0, push.exit(), push.all());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * An image the registry has never seen: a small layer, in the registry within a second, and two
     * of {@code bigMib} MiB each, which take a few seconds when big enough to crash something meanwhile.
     */
    private String freshImage(int bigMib) throws IOException {
        Path work = Files.createTempDirectory(dir, "image");
        return images.buildLayers(TestStack.uniqueRepository("local/fault-cli"), work, 4 * KIB, bigMib * MIB, bigMib * MIB);
    }

    private static String repositoryOf(String image) {
        return image.substring(0, image.lastIndexOf(':')).replace('/', '-');
    }

    private void logIn(String registry) {
        CliRunner.Result login = logInTo(registry);
        assertEquals(0, login.exit(), login.all());
    }

    private CliRunner.Result logInTo(String registry) {
        return cli.runWithInput(stack.password() + "\n", "login", "--registry", registry, "-u", stack.user(),
                "--password-stdin", "--verbose");
    }

    /**
     * With docker's push: these faults are docker's retries and its "Layer already exists" after one;
     * the project's own push meets the same faults in pusher/GatewayPushIT and cli/GatewayCliIT.
     */
    private CliRunner.Result push(String image, String registry) {
        images.removeLater(registry + "/user-" + stack.user() + "/" + repositoryOf(image) + ":1");
        return cli.run("push", image, "--registry", registry, "--tag", "1", "--progress", "tty", "--verbose",
                "--via", "engine");
    }

    private CompletableFuture<CliRunner.Result> pushInBackground(String image, String registry) {
        return CompletableFuture.supplyAsync(() -> push(image, registry));
    }

    private boolean someLayerPushed(String output) {
        return TerminalFrames.lastStates(output).containsValue(PUSHED);
    }

    private void awaitOutput(Duration limit, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.test(cli.outSoFar())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ":\n" + TerminalFrames.plain(cli.outSoFar()));
            }
            Thread.sleep(50);
        }
    }

    private static String warning(ProblemType type) {
        return ENGLISH.text(CommandContext.BUNDLE, "problem.warning", ENGLISH.text(type.title()));
    }

    /** Named, with its advice for this registry, the exit code of its class, and never a stack trace. */
    private static void assertProblem(CliRunner.Result result, ExitCode exit, ProblemType type, String registry) {
        assertEquals(exit.code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(CommandContext.BUNDLE, "problem.error", ENGLISH.text(type.title()))),
                "named as " + type + ": " + result.err());
        for (int n = 1; n <= type.actionCount(); n++) {
            String action = ENGLISH.text(PROBLEMS_BUNDLE, type.key() + ".action." + n, registry);
            assertTrue(result.err().contains("  - " + action), "advice " + n + " of " + type + ": " + result.err());
        }
        assertFalse(result.all().contains("\tat "), "no stack trace: " + result.all());
    }

    /** The layers the first attempt had finished are in the registry already when the next one starts. */
    private static void assertPushedLayersNotSentAgain(CliRunner.Result first, CliRunner.Result again) {
        Map<String, String> before = TerminalFrames.lastStates(first.out());
        List<String> pushedBefore = before.entrySet().stream()
                .filter(layer -> layer.getValue().equals(PUSHED)).map(Map.Entry::getKey).toList();
        assertFalse(pushedBefore.isEmpty(), "a layer was in before the fault: " + TerminalFrames.plain(first.out()));
        assertTrue(pushedBefore.size() < before.size(), "the fault came mid-push: " + before);
        Map<String, String> after = TerminalFrames.lastStates(again.out());
        for (String layer : pushedBefore) {
            assertEquals(ALREADY_THERE, after.get(layer), layer + " was not sent again: " + after);
        }
    }

    /** Every blob the registry stored through the proxy, over both attempts, was uploaded once. */
    private void assertNoBlobUploadedTwice() {
        List<String> stored = proxy.storedBlobs();
        assertEquals(Set.copyOf(stored).size(), stored.size(), "uploads that ended: " + stored);
        assertTrue(stored.size() >= 3, "the three layers went through the proxy: " + stored);
    }
}
