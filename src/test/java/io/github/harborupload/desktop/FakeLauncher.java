package io.github.harborupload.desktop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Records the commands it is asked to run and hands out processes that run until destroyed. */
final class FakeLauncher implements ProcessLauncher {

    final List<List<String>> commands = new CopyOnWriteArrayList<>();
    final List<FakeProcess> processes = new CopyOnWriteArrayList<>();
    private final boolean installed;

    private FakeLauncher(boolean installed) {
        this.installed = installed;
    }

    static FakeLauncher running() {
        return new FakeLauncher(true);
    }

    /** As the system answers for a program deleted after it was found on the PATH. */
    static FakeLauncher missingProgram() {
        return new FakeLauncher(false);
    }

    @Override
    public Process start(List<String> command) throws IOException {
        commands.add(List.copyOf(command));
        if (!installed) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        }
        FakeProcess process = new FakeProcess();
        processes.add(process);
        return process;
    }

    /** A process that runs until destroyed, or until a test ends it as a failing helper would end. */
    static final class FakeProcess extends Process {

        private final CompletableFuture<Process> exit = new CompletableFuture<>();
        private volatile boolean destroyed;
        private volatile int exitCode;
        private volatile String errors = "";

        boolean destroyed() {
            return destroyed;
        }

        void endByItself(int code, String stderr) {
            exitCode = code;
            errors = stderr;
            exit.complete(this);
        }

        @Override
        public void destroy() {
            destroyed = true;
            exitCode = 143;
            exit.complete(this);
        }

        @Override
        public CompletableFuture<Process> onExit() {
            return exit;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public Stream<ProcessHandle> descendants() {
            return Stream.empty();
        }

        @Override
        public int waitFor() {
            exit.join();
            return exitCode;
        }

        @Override
        public int exitValue() {
            if (isAlive()) {
                throw new IllegalThreadStateException("still running");
            }
            return exitCode;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return new ByteArrayInputStream(errors.getBytes(StandardCharsets.UTF_8));
        }
    }
}
