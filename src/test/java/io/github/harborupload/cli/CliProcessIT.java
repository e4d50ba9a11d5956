package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.ImageDetails;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.platformserver.ServerVersion;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.testsupport.GatewayFaults;
import io.github.harborupload.testsupport.PulledImage;
import io.github.harborupload.testsupport.RegistryManifests;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a real process, as a user on a server runs it: no display, output piped, Ctrl-C
 * as a real SIGINT. Failsafe runs after {@code package}, so the shaded jar is there.
 */
class CliProcessIT {

    private static final int MIB = 1 << 20;
    private static final Path JAR = Path.of("target/harbor-upload-wizard.jar");
    private static final long TIMEOUT_SECONDS = 120;
    private static final int GIB = 1 << 30;
    private static final long BIG_PUSH_TIMEOUT_SECONDS = 900;

    private static TestStack stack;
    private static StackImages images;
    private static String freshFiveLayers;
    private static String freshBig;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildImages(@TempDir Path work) throws IOException {
        stack = TestStack.require();
        assertTrue(Files.isRegularFile(JAR), "run through mvn verify: package builds " + JAR);
        images = new StackImages(stack);
        freshFiveLayers = images.buildRandom(TestStack.uniqueRepository("local/cli-process-five"), 5, 4 * MIB,
                Files.createDirectory(work.resolve("five")));
        // Big enough that the push still runs when SIGINT comes after the first progress line.
        freshBig = images.buildRandom(TestStack.uniqueRepository("local/cli-process-big"), 5, 64 * MIB,
                Files.createDirectory(work.resolve("big")));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (images != null) {
            images.close();
        }
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /**
     * The process, started through perl, which sets SIGINT back to its default first: a shell that
     * starts a job in the background (CI, "mvn verify &") makes its children ignore SIGINT, and a
     * JVM that starts with SIGINT ignored never runs its shutdown hooks on it.
     */
    private ProcessBuilder jar(String... args) {
        List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // A server reached by SSH: no display at all.
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.put("DOCKER_HOST", stack.dockerHost());
        env.put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        env.put(AppFolders.OVERRIDE_VARIABLE, dir.resolve("app-config").toString());
        env.put("LANG", "C");
        // No keychain tool or credential helper of this machine may take the tests' sessions or logins.
        // (Java finds perl on its own PATH, not on this one.)
        env.put("PATH", "/nonexistent");
        return builder;
    }

    private Result run(String stdin, String... args) throws Exception {
        return run(TIMEOUT_SECONDS, stdin, args);
    }

    private Result run(long timeoutSeconds, String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-jar", JAR.toString()));
        all.addAll(List.of(args));
        Process process = jar(all.toArray(String[]::new)).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        return finish(process, timeoutSeconds, args);
    }

    /** The process's output once it ends, or a failure when it runs longer than {@code timeoutSeconds}. */
    private static Result finish(Process process, long timeoutSeconds, String... args) throws Exception {
        CompletableFuture<String> out = readAll(process.getInputStream());
        CompletableFuture<String> err = readAll(process.getErrorStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("still running after " + timeoutSeconds + " s: " + String.join(" ", args));
        }
        return new Result(process.exitValue(), out.get(), err.get());
    }

    /**
     * The jar on a terminal of its own, as a user types into it: util-linux {@code script} gives it
     * a pseudo-terminal (java.io.Console exists only there), standard output and error both on it.
     * What is typed goes in at once and waits in the terminal until the program reads a line.
     */
    private Result onTerminal(String typed, String... args) throws Exception {
        StringBuilder line = new StringBuilder("exec");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        for (String word : command) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder builder = jar();
        builder.environment().put("SHELL", "/bin/sh");
        Process process = builder.command("/usr/bin/script", "-qec", line.toString(), "/dev/null").start();
        process.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        try {
            return finish(process, TIMEOUT_SECONDS, args);
        } finally {
            // Closed only now: script passes an end of input on to the program as if typed.
            process.getOutputStream().close();
        }
    }

    private static CompletableFuture<String> readAll(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void logIn() throws Exception {
        Result login = run(stack.password() + "\n", "login", "--registry", stack.registry(), "-u", stack.user(),
                "--password-stdin");
        assertEquals(0, login.exit(), login.all());
        assertTrue(login.out().contains(LoginCommand.SUCCEEDED), login.out());
    }

    @BeforeEach
    void noDisplayHere() {
        assertTrue(jar().environment().get("DISPLAY") == null);
    }

    @Test
    void helpRunsHeadlessWithoutLoadingAnyJavaFxClass() throws Exception {
        List<String> args = List.of("-Xlog:class+load=info", "-jar", JAR.toString());
        for (List<String> command : List.of(List.of("--help"), List.of("push", "--help", "--lang", "zh"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(command);
            Process process = jar(all.toArray(String[]::new)).start();
            CompletableFuture<String> out = readAll(process.getInputStream());
            CompletableFuture<String> err = readAll(process.getErrorStream());
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), err.get());
            assertTrue(out.get().contains("harbor-upload"), out.get());
            assertFalse(out.get().lines().anyMatch(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx.")),
                    "no JavaFX class is loaded for the command line");
            assertFalse(err.get().toLowerCase().contains("javafx") || err.get().contains("Gtk") || err.get().contains("DISPLAY"),
                    err.get());
        }
    }

    @Test
    void onATerminalThePushAsksWhetherToRemoveTheLocalTagItMadeAndAYesRemovesIt() throws Exception {
        // The wizard's offer after a push (ui.push.LocalNameOffer, issue 15 item 3) as a y/N question
        // where someone types (cli.LocalTagOffer); which name: flow.PushStep.nameToOffer.
        logIn();
        String target = stack.registry() + "/user-" + stack.user() + "/" + TestStack.uniqueRepository("cli-process-tty") + ":1";
        images.removeLater(target);
        Result push = onTerminal("y\n", "push", freshFiveLayers, "--target", target);
        assertEquals(0, push.exit(), push.all());

        assertTrue(push.out().contains("Remove the local tag " + target + "? [y/N]"), push.out());
        assertTrue(push.out().contains("Removed the local tag " + target + "; the image stays as " + freshFiveLayers),
                push.out());
        assertThrows(ImageNotFoundException.class, () -> inspect(target));
        assertDoesNotThrow(() -> inspect(freshFiveLayers), "the image stays under the name it was chosen by");
    }

    @Test
    void chineseHelpSurvivesACLocale() throws Exception {
        Result help = run("", "login", "--help", "--lang", "zh");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("登录 Harbor"), "UTF-8 even with LANG=C: " + help.out());
    }

    @Test
    void logsInAndPushesWithJsonAsARealProcess() throws Exception {
        logIn();
        String repository = TestStack.uniqueRepository("cli-process");
        String target = stack.registry() + "/user-" + stack.user() + "/" + repository + ":1";
        images.removeLater(target);
        Result push = run("", "push", freshFiveLayers, "--target", target, "--json");
        assertEquals(0, push.exit(), push.all());
        JsonNode pushed = new ObjectMapper().readTree(push.out());
        assertEquals(target, pushed.path("target").asText());
        assertEquals(RegistryManifests.digest(stack.registry(), "user-" + stack.user() + "/" + repository, "1",
                new Credential(stack.user(), stack.password())), Optional.of(pushed.path("digest").asText()));
        // Piped: plain progress lines, no cursor movements.
        assertTrue(push.err().lines().anyMatch(line -> line.startsWith("100 %")), push.err());
        assertFalse(push.err().contains("\u001b"), push.err());
    }

    @Test
    void signsInToThePlatformAndUploadsWithJsonAsARealProcess() throws Exception {
        // The platform server runs in this JVM; its Harbor is the stack's registry, a plain one, so the
        // checks before the push are skipped and the credential fetch resets a real registry login
        // (raids-lab/crater backend/internal/handler/image/harbor.go: UserGetProjectCredential).
        HtpasswdRegistry registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"),
                stack.registry(), new Credential(stack.user(), stack.password()));
        String user = "cli-proc-" + Long.toHexString(System.nanoTime());
        try (FakePlatform platform = FakePlatform.start(ServerVersion.NOVEMBER_2025, registry).user(user, "platform-pw")) {
            Result login = run("platform-pw\n", "platform", "login", "--url", platform.address().toString(),
                    "--username", user, "--password-stdin");
            assertEquals(0, login.exit(), login.all());
            assertTrue(login.out().contains("Signed in as " + user), login.out());

            String repository = TestStack.uniqueRepository("cli-process-upload");
            String target = stack.registry() + "/user-" + user + "/" + repository + ":1";
            images.removeLater(target);
            // No --url: the address platform login remembered.
            Result upload = run("", "upload", freshFiveLayers, "--repository", repository, "--tag", "1",
                    "--reset-credentials", "--yes", "--json");

            assertEquals(0, upload.exit(), upload.all());
            JsonNode printed = new ObjectMapper().readTree(upload.out());
            assertEquals(target, printed.path("target").asText());
            assertEquals(RegistryManifests.digest(stack.registry(), "user-" + user + "/" + repository, "1",
                    new Credential(stack.user(), stack.password())), Optional.of(printed.path("digest").asText()));
            assertTrue(printed.path("imported").asBoolean(), upload.all());
            assertTrue(platform.images().stream().anyMatch(image -> image.link().equals(target) && image.owner().equals(user)));
            assertFalse(upload.err().contains("\tat "), "no stack trace: " + upload.err());
        } finally {
            registry.remove(user);
        }
    }

    @Test
    void aNormalAccountUploadsTwiceAndTheSecondUpdatesTheOneRecordAsARealProcess() throws Exception {
        // Issue 12. auth.go GetAuthMode/Login: a current server takes LDAP and normal accounts, an
        // account of the platform itself only with auth "normal"; image.go stores archs as sent and
        // never de-duplicates, so the second upload updates the record (interface.go: /v1/images/…).
        HtpasswdRegistry registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"),
                stack.registry(), new Credential(stack.user(), stack.password()));
        String user = "cli-normal-" + Long.toHexString(System.nanoTime());
        try (FakePlatform platform = FakePlatform.start(ServerVersion.CURRENT, registry).normalUser(user, "platform-pw")) {
            Result login = run("platform-pw\n", "platform", "login", "--url", platform.address().toString(),
                    "--auth", "normal", "--username", user, "--password-stdin");
            assertEquals(0, login.exit(), login.all());

            String repository = TestStack.uniqueRepository("cli-process-normal");
            String target = stack.registry() + "/user-" + user + "/" + repository + ":1";
            images.removeLater(target);
            Result first = run("", "upload", freshFiveLayers, "--repository", repository, "--tag", "1",
                    "--image-tags", "CUDA,Python", "--reset-credentials", "--yes", "--json");
            Result second = run("", "upload", freshFiveLayers, "--repository", repository, "--tag", "1",
                    "--description", "second", "--yes", "--json");

            assertEquals(0, first.exit(), first.all());
            assertFalse(new ObjectMapper().readTree(first.out()).path("updated").asBoolean(true));
            assertEquals(0, second.exit(), second.all());
            JsonNode printed = new ObjectMapper().readTree(second.out());
            assertTrue(printed.path("imported").asBoolean(), second.all());
            assertTrue(printed.path("updated").asBoolean(), second.all());
            List<FakePlatform.ImageRecord> records = platform.images();
            assertEquals(1, records.size(), "one record per image: " + records);
            assertEquals("second", records.get(0).description());
            assertEquals(List.of("CUDA", "Python"), records.get(0).tags(), "remembered for the repository");
            String arch;
            try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
                arch = engine.inspect(freshFiveLayers).architecture();
            }
            assertEquals(List.of("linux/" + arch), records.get(0).archs(), "the engine's inspect of the image");
        } finally {
            registry.remove(user);
        }
    }

    @Test
    void problemsEndWithTheirExitCodesAsARealProcess() throws Exception {
        String wrong = "wrong-" + Long.toHexString(System.nanoTime());
        Result login = run(wrong + "\n", "login", "--registry", stack.registry(), "-u", stack.user(),
                "--password-stdin", "--verbose");
        assertEquals(ExitCode.AUTH.code(), login.exit(), login.all());
        assertFalse(login.all().contains(wrong));
        assertFalse(login.all().contains("\tat "), "no stack trace: " + login.err());

        Result missing = run("", "push", "local/no-such-image:1");
        assertEquals(ExitCode.NOT_FOUND.code(), missing.exit(), missing.all());

        Result notLoggedIn = run("", "push", stack.tinyImage(), "--registry", stack.registry());
        assertEquals(ExitCode.AUTH.code(), notLoggedIn.exit(), notLoggedIn.all());

        Result badTag = run("", "push", stack.tinyImage(), "--registry", stack.registry(), "-u", stack.user(),
                "--tag", "bad tag");
        assertEquals(ExitCode.USAGE.code(), badTag.exit(), badTag.all());

        ProcessBuilder noEngine = jar("-jar", JAR.toString(), "images");
        noEngine.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"));
        Process process = noEngine.start();
        CompletableFuture<String> err = readAll(process.getErrorStream());
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(ExitCode.ENGINE_UNREACHABLE.code(), process.exitValue(), err.get());
    }

    /** A push of {@link #freshBig} as a real process, its standard output read line by line. */
    private final class RunningPush {
        final Process process;
        final CompletableFuture<String> err;
        final StringBuilder out = new StringBuilder();
        final CountDownLatch firstProgress = new CountDownLatch(1);
        final Thread reader;

        RunningPush(String target) throws IOException {
            process = jar("-jar", JAR.toString(), "push", freshBig, "--target", target).start();
            process.getOutputStream().close();
            err = readAll(process.getErrorStream());
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        synchronized (out) {
                            out.append(line).append('\n');
                            out.notifyAll();
                        }
                        if (line.contains("%")) {
                            firstProgress.countDown();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
        }

        /** Waits until standard output holds {@code text}, or the process ended, or time is up. */
        boolean awaitOutput(String text, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (out) {
                while (out.indexOf(text) < 0 && process.isAlive() && System.nanoTime() < deadline) {
                    // Woken by each line; a process that ends without it is seen within a second.
                    out.wait(1_000);
                }
                return out.indexOf(text) >= 0;
            }
        }

        void signal(String name) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor());
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ends after the signal");
            reader.join(5_000);
            return process.exitValue();
        }

        String all() {
            synchronized (out) {
                return out + err.getNow("");
            }
        }
    }

    private void logInTo(String registry) throws Exception {
        Result login = run(stack.password() + "\n", "login", "--registry", registry, "-u", stack.user(), "--password-stdin");
        assertEquals(0, login.exit(), login.all());
    }

    /** Bytes the stack's gateway passed on in PATCHes for {@code repository} (its request log). */
    private static long bytesPatched(GatewayFaults faults, String repository) {
        return faults.requests().stream()
                .filter(request -> request[0].equals("PATCH") && request[3].startsWith("/v2/" + repository + "/"))
                .mapToLong(request -> Long.parseLong(request[2])).sum();
    }

    /** The registry confirmed bytes of some layer: the state file of the push says so. */
    private boolean stateHoldsAConfirmedChunk() throws IOException {
        Path spool = dir.resolve("app-config").resolve("cache").resolve("spool");
        if (!Files.isDirectory(spool)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path state : files.filter(file -> file.getFileName().toString().equals("state.json")).toList()) {
                try {
                    for (JsonNode layer : new ObjectMapper().readTree(state.toFile()).path("layers")) {
                        if (layer.path("offset").asLong() > 0) {
                            return true;
                        }
                    }
                } catch (IOException replacedWhileRead) {
                    // atomically replaced: the next look reads the new one
                }
            }
        }
        return false;
    }

    @Test
    void aOneGibLayerPassesTheGatewayEachBlobCommittedOnce(@TempDir Path work) throws Exception {
        // Issue 17, "Done when": through a gateway with a 3 s read timeout, 6 s commits, a 32 MiB body
        // limit and 5 s tokens (scripts/stack.sh), the command line pushes a 1 GB layer to the end,
        // each blob committed once, the image as a pull sees it. Random bytes: gzip cannot shrink them.
        // Its cost: 171 s at a load of about 10 (building the image included; 74 s for 256 MiB at a
        // load of 18), and about 4 GiB of disk at the peak (dockerd's layer and its save staging,
        // the push's spool, the registry's copy).
        // Asked first, so that a full disk fails here, named, and not in another test or program.
        long usable = Files.getFileStore(stack.stackDir()).getUsableSpace();
        assertTrue(usable > 5L * GIB, "a 1 GiB push needs about 4 GiB of disk at its peak; free: " + (usable >> 20) + " MiB");
        String gateway = stack.requireTokenHarbor().gateway();
        logInTo(gateway);
        String big = images.buildLayers(TestStack.uniqueRepository("local/cli-process-gib"), work, GIB);
        deleteAll(work); // dockerd has its copy: the machine's disk needs the room more
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("cli-process-gib");
        String target = gateway + "/" + path + ":1";
        images.removeLater(target);
        try (GatewayFaults faults = new GatewayFaults(stack)) {
            faults.delayCommits(Duration.ofSeconds(6));

            Result push = run(BIG_PUSH_TIMEOUT_SECONDS, "", "push", big, "--target", target);

            assertEquals(0, push.exit(), push.all());
            ImageDetails image = inspect(big);
            assertEquals(1, image.diffIds().size());
            PulledImage.verify(gateway, path, "1", new Credential(stack.user(), stack.password()), image.id(),
                    image.diffIds());
            Map<String, Integer> commits = faults.commitsIn(path);
            assertEquals(2, commits.size(), "the layer and the config: " + commits);
            commits.forEach((digest, times) -> assertEquals(1, times, digest));
        }
    }

    @Test
    void ctrlCPausesThePushAndTheSameCommandGoesOnWithoutSendingAChunkTwice() throws Exception {
        // issue 19: the first Ctrl-C pauses after the chunk in flight; the same command again goes on.
        String gateway = stack.requireTokenHarbor().gateway();
        logInTo(gateway);
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("cli-process-pause");
        String target = gateway + "/" + path + ":1";
        images.removeLater(target);
        GatewayFaults faults = new GatewayFaults(stack);
        RunningPush push = new RunningPush(target);
        assertTrue(push.firstProgress.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "a progress line: " + push.all());
        push.signal("INT");

        assertEquals(ExitCode.CANCELLED.code(), push.awaitExit(), push.all());
        assertTrue(push.err.get().contains("Push paused"), push.all());
        assertTrue(push.all().contains("Press Ctrl-C again to stop at once"), push.all());
        assertTrue(faults.requests().stream().noneMatch(request -> request[0].equals("PUT")
                && request[3].startsWith("/v2/" + path + "/manifests/")), "paused, no manifest put");

        Result again = run("", "push", freshBig, "--target", target);
        assertEquals(0, again.exit(), again.all());
        ImageDetails image = inspect(freshBig);
        PulledImage.verify(gateway, path, "1", new Credential(stack.user(), stack.password()), image.id(), image.diffIds());
        // Five layers of 64 MiB random bytes (and a few KiB of gzip framing): nothing was sent twice.
        long sent = bytesPatched(faults, path);
        assertTrue(sent < 5 * 64 * MIB + MIB, "bytes patched over both runs: " + sent);
        try (Stream<Path> left = Files.list(dir.resolve("app-config").resolve("cache").resolve("spool"))) {
            assertEquals(List.of(), left.toList(), "the spool and state go once the push succeeded");
        }
    }

    @Test
    void aSecondCtrlCWhileThePauseWaitsForItsChunkEndsTheProcessAtOnce() throws Exception {
        // issue 19: "a second Ctrl-C stops at once" (CancelSignal.ctrlC().onPause). The stand-in holds
        // every chunk's answer for minutes, so the pause cannot complete before the second press.
        TestStack.TokenHarbor harbor = stack.requireTokenHarbor();
        logInTo(harbor.core());
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("cli-process-stop");
        String target = harbor.core() + "/" + path + ":1";
        images.removeLater(target);
        try (GatewayFaults faults = new GatewayFaults(stack)) {
            faults.delayPatches(Duration.ofMinutes(5));
            RunningPush push = new RunningPush(target);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            // The registry has a chunk, and the stand-in holds its answer: that chunk is in flight.
            while (faults.requests().stream().noneMatch(request -> request[0].equals("PATCH")
                    && request[3].startsWith("/v2/" + path + "/")) && push.process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(push.process.isAlive(), "pushing, a chunk in flight: " + push.all());
            push.signal("INT");
            assertTrue(push.awaitOutput("Press Ctrl-C again to stop at once", TIMEOUT_SECONDS), push.all());
            push.signal("INT");

            // Ended long before the held chunk could let the pause complete (awaitExit waits one minute).
            assertEquals(ExitCode.CANCELLED.code(), push.awaitExit(), push.all());
            assertTrue(push.all().contains("Stopped. What was sent is kept"), push.all());
            assertFalse(push.all().contains("Push paused"), "stopped, not paused: " + push.all());
        }
    }

    @Test
    void aPushKilledOutrightGoesOnFromItsSpoolAndLosesAtMostTheChunksInFlight() throws Exception {
        // issue 19: SIGKILL (or a power cut) loses at most the chunk each uploader was sending.
        String gateway = stack.requireTokenHarbor().gateway();
        logInTo(gateway);
        String path = "user-" + stack.user() + "/" + TestStack.uniqueRepository("cli-process-kill");
        String target = gateway + "/" + path + ":1";
        images.removeLater(target);
        GatewayFaults faults = new GatewayFaults(stack);
        RunningPush push = new RunningPush(target);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!stateHoldsAConfirmedChunk() && push.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(push.process.isAlive(), "still pushing once a chunk is confirmed: " + push.all());
        push.signal("KILL");
        assertEquals(137, push.awaitExit(), push.all());

        Result again = run("", "push", freshBig, "--target", target);
        assertEquals(0, again.exit(), again.all());
        ImageDetails image = inspect(freshBig);
        Credential login = new Credential(stack.user(), stack.password());
        PulledImage.verify(gateway, path, "1", login, image.id(), image.diffIds());
        // Three uploaders, each may lose the 16 MiB chunk it was sending when the process died.
        long sent = bytesPatched(faults, path);
        assertTrue(sent < 5 * 64 * MIB + MIB + 3 * 16 * MIB, "bytes patched over both runs: " + sent);
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static ImageDetails inspect(String image) throws Exception {
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(stack.dockerHost(), "test"))) {
            return engine.inspect(image);
        }
    }
}
