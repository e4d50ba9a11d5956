package io.github.harborupload.cli;

/**
 * The command has already printed why it ends, and ends with this code. Thrown where the printing
 * had to happen at once (a cancelled push is reported before Ctrl-C lets the process end).
 */
final class CommandEnded extends RuntimeException {

    private final ExitCode exitCode;

    CommandEnded(ExitCode exitCode) {
        super(exitCode.name(), null, false, false);
        this.exitCode = exitCode;
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
