package io.github.harborupload.cli;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.settings.AppFolders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the command line in-process with a Docker config folder and a settings folder of its own,
 * so no test reads or writes the user's. Ctrl-C is a button the test presses.
 */
final class CliRunner {

    /** What one run printed, and how it ended. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final Path dockerConfig;
    final Path appConfig;
    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    /** What the current run has printed so far, for a test that waits for a line. */
    private volatile ByteArrayOutputStream liveOut = new ByteArrayOutputStream();

    CliRunner(Path dir, String dockerHost) {
        this.dockerConfig = dir.resolve("docker-config");
        this.appConfig = dir.resolve("app-config");
        this.home = dir.resolve("home");
        variables.put("DOCKER_CONFIG", dockerConfig.toString());
        variables.put(AppFolders.OVERRIDE_VARIABLE, appConfig.toString());
        // No credential helper of this machine may take the test's logins.
        variables.put("PATH", "/nonexistent");
        if (dockerHost != null) {
            variables.put("DOCKER_HOST", dockerHost);
        }
    }

    CliRunner with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    Environment environment() {
        return new Environment(variables, "Linux", home);
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        return runWithInput(stdin, StandardCharsets.UTF_8, args);
    }

    /** With standard input in {@code inCharset}, as a Windows console sends what is pasted into it. */
    Result runWithInput(String stdin, Charset inCharset, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        liveOut = out;
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin.getBytes(inCharset)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, Terminal.DEFAULT_COLUMNS, true, inCharset);
        CancelSignal ctrlC = action -> {
            cancelActions.add(action);
            return () -> cancelActions.remove(action);
        };
        int exit = new Cli(environment(), terminal, ctrlC).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output of the run in progress, so far. */
    String outSoFar() {
        return liveOut.toString(StandardCharsets.UTF_8);
    }

    /** Presses Ctrl-C: runs what the command registered for it. */
    boolean pressCtrlC() {
        cancelActions.forEach(action -> new Thread(action, "test-ctrl-c").start());
        return !cancelActions.isEmpty();
    }
}
