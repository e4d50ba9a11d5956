package io.github.harborupload.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stays awake through a helper program that keeps the system's sleep lock for as long as it runs:
 * {@code systemd-inhibit} on Linux, {@code caffeinate} on macOS. Releasing ends it and whatever it
 * started. A helper that cannot start, or ends by itself (no logind, no D-Bus, refused by polkit),
 * leaves a line in the debug log and nothing else.
 */
final class ChildProcessInhibitor implements SleepInhibitor {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessInhibitor.class);

    private final List<String> command;
    private final ProcessLauncher launcher;

    ChildProcessInhibitor(List<String> command, ProcessLauncher launcher) {
        this.command = List.copyOf(command);
        this.launcher = launcher;
    }

    /** The command each hold runs, for the tests and the debug log. */
    List<String> command() {
        return command;
    }

    @Override
    public Hold hold() {
        Process process;
        try {
            process = launcher.start(command);
        } catch (IOException e) {
            LOG.debug("Not keeping the computer awake: {} did not start ({})", command.get(0), e.getMessage());
            return Hold.NOTHING;
        }
        ChildHold hold = new ChildHold(process);
        process.onExit().thenRun(hold::endedByItself);
        return hold;
    }

    private final class ChildHold implements Hold {

        private final Process process;
        private final AtomicBoolean released = new AtomicBoolean();

        ChildHold(Process process) {
            this.process = process;
        }

        /** Children first: once the parent is gone they are re-parented and no longer found as its descendants. */
        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
        }

        void endedByItself() {
            if (!released.get()) {
                LOG.debug("Not keeping the computer awake: {} ended with {}: {}", command.get(0), process.exitValue(),
                        errors(process));
            }
        }

        private static String errors(Process process) {
            try (InputStream stderr = process.getErrorStream()) {
                return new String(stderr.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        }
    }
}
