package io.github.harborupload.desktop;

import java.io.IOException;
import java.util.List;

/**
 * Starts a helper program (systemd-inhibit, caffeinate, notify-send). An interface so that tests see
 * which commands would run, with which arguments, and can stand in for programs this machine lacks.
 */
public interface ProcessLauncher {

    /**
     * Starts real processes. Their standard input stays a pipe from this program (a child that reads
     * it sees its end when this program dies, even when killed outright); what they print is
     * dropped, except the errors, kept for the debug log.
     */
    ProcessLauncher SYSTEM = command -> new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();

    /** @throws IOException when the program cannot be started (not installed, not executable) */
    Process start(List<String> command) throws IOException;
}
