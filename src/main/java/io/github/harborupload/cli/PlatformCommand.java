package io.github.harborupload.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code platform}: the commands for the platform account, {@code login} and {@code logout}. */
@Command(name = "platform")
final class PlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** No command given: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
