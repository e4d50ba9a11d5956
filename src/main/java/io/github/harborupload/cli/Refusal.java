package io.github.harborupload.cli;

import java.util.List;

/**
 * The command will not go on, for a reason that is no failure of Docker, Harbor or the platform:
 * nobody is signed in, a confirmation is missing. Title and advice are already in the user's
 * language; the command ends with {@link #exitCode()}.
 */
final class Refusal extends RuntimeException {

    private final ExitCode exitCode;
    private final List<String> actions;

    Refusal(ExitCode exitCode, String title, List<String> actions) {
        super(title, null, false, false);
        this.exitCode = exitCode;
        this.actions = List.copyOf(actions);
    }

    ExitCode exitCode() {
        return exitCode;
    }

    String title() {
        return getMessage();
    }

    List<String> actions() {
        return actions;
    }
}
