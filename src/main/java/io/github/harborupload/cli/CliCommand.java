package io.github.harborupload.cli;

import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import java.util.concurrent.Callable;

/**
 * A command's common ending: its exit code, and every failure turned into a problem printed in the
 * user's language, never a stack trace.
 */
abstract class CliCommand implements Callable<Integer> {

    protected final CommandContext context;
    private final ProblemPrinter printer;

    CliCommand(CommandContext context) {
        this.context = context;
        this.printer = new ProblemPrinter(context);
    }

    @Override
    public final Integer call() {
        try {
            return execute().code();
        } catch (BadInput bad) {
            return printer.report(bad).code();
        } catch (Refusal refusal) {
            return printer.report(refusal).code();
        } catch (CommandEnded ended) {
            return ended.exitCode().code();
        } catch (PlatformException | RuntimeException | Error failure) {
            // An error too: it would reach the JVM, which prints its stack trace and raw message.
            return report(Problems.of(failure, problemContext())).code();
        }
    }

    /** Does the command's work; a failure is thrown, and {@link #call()} reports it. */
    abstract ExitCode execute() throws PlatformException;

    /** What the command knows about its situation, for the problem a failure becomes. */
    ProblemContext problemContext() {
        return ProblemContext.none();
    }

    final ExitCode report(Problem problem) {
        return printer.report(problem);
    }
}
