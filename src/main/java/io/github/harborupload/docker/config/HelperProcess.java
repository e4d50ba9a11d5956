package io.github.harborupload.docker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one program with some text on its standard input and a time limit, and collects what it
 * printed. A program that runs over the limit is killed together with the processes it started.
 */
final class HelperProcess {

    /** How a run ended: its exit code and what it printed. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private HelperProcess() {
    }

    /**
     * @throws IOException      when the program cannot be started
     * @throws TimeoutException when it did not finish within {@code timeout}; it has been killed
     */
    static Result run(Path program, String argument, String input, Map<String, String> env, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(program.toString(), argument));
        builder.environment().clear();
        builder.environment().putAll(env);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = builder.start();
        try {
            FutureTask<String> stdout = collect(process.getInputStream());
            FutureTask<String> stderr = collect(process.getErrorStream());
            writeInput(process, input);
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException();
            }
            return new Result(process.exitValue(), await(stdout, deadline), await(stderr, deadline));
        } catch (TimeoutException | InterruptedException | RuntimeException e) {
            kill(process);
            throw e;
        }
    }

    private static void writeInput(Process process, String input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program exited or closed its input without reading it all; its exit code tells why.
        }
    }

    /** Reads a stream on its own thread, so a program filling one pipe never blocks on the other. */
    private static FutureTask<String> collect(InputStream stream) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        Thread reader = new Thread(task, "credential-helper-output");
        reader.setDaemon(true);
        reader.start();
        return task;
    }

    /** A process the program left running may still hold the pipe open; that counts as running over time. */
    private static String await(FutureTask<String> output, long deadline)
            throws TimeoutException, InterruptedException {
        try {
            return output.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return "";
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Children first: once the parent is gone they are re-parented and no longer found as its descendants. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
