package io.github.harborupload.cli;

import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Severity;
import java.io.PrintStream;
import java.util.List;

/** Prints a problem for a terminal: title, likely causes, what to do; the detail only with --verbose. */
final class ProblemPrinter {

    private final CommandContext context;

    ProblemPrinter(CommandContext context) {
        this.context = context;
    }

    /** Prints the problem on the error stream and says how the command ends. */
    ExitCode report(Problem problem) {
        PrintStream err = context.err();
        String title = context.text(problem.title());
        err.println(switch (problem.severity()) {
            case ERROR -> context.text("problem.error", title);
            case WARNING -> context.text("problem.warning", title);
            case INFO -> title;
        });
        list(err, "problem.causes", problem.causes().stream().map(context::text).toList());
        list(err, "problem.actions", problem.actions().stream().map(context::text).toList());
        if (problem.type() == ProblemType.NOT_LOGGED_IN) {
            // The problem's own advice speaks of the wizard's login step; here the step is a command.
            String registry = problem.context().registry();
            err.println(context.text("problem.loginHint", Program.NAME + " login --registry "
                    + (registry == null ? "HOST" : registry)));
        }
        if (problem.type() == ProblemType.PLATFORM_SESSION_EXPIRED || problem.type() == ProblemType.PLATFORM_TOKEN_INVALID) {
            // Their advice speaks of the wizard's sign-in dialog; here it is a command.
            err.println(context.text("problem.platformLoginHint", Program.NAME + " platform login"));
        }
        if (problem.severity() != Severity.INFO && !problem.detail().isBlank()) {
            if (context.verbose()) {
                err.println(context.text("problem.detail"));
                problem.detail().lines().forEach(line -> err.println("  " + line));
            } else {
                err.println(context.text("problem.detailHint"));
            }
        }
        return ExitCode.of(problem.type());
    }

    /** Prints reasons the input cannot be used. */
    ExitCode report(BadInput bad) {
        PrintStream err = context.err();
        err.println(context.text("usage.error"));
        bad.reasons().forEach(reason -> err.println("  - " + reason));
        return ExitCode.USAGE;
    }

    /** Prints why the command will not go on, in the shape of a problem. */
    ExitCode report(Refusal refusal) {
        PrintStream err = context.err();
        err.println(context.text("problem.error", refusal.title()));
        list(err, "problem.actions", refusal.actions());
        return refusal.exitCode();
    }

    private void list(PrintStream err, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        err.println(context.text(heading));
        lines.forEach(line -> err.println("  - " + line));
    }
}
