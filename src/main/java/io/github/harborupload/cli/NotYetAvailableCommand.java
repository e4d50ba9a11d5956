package io.github.harborupload.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command whose name is reserved for the platform support still to come ({@code import},
 * {@code platform login}, {@code upload}): it says so and ends with
 * {@link ExitCode#NOT_AVAILABLE_YET}, whatever it is given.
 */
abstract class NotYetAvailableCommand extends CliCommand {

    /** Accepted and ignored, so a script written for the coming version gets the clear answer. */
    @Unmatched
    List<String> arguments;

    @Spec
    CommandSpec spec;

    NotYetAvailableCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        context.err().println(context.text("notYet", spec.qualifiedName()));
        return ExitCode.NOT_AVAILABLE_YET;
    }

    @Command(name = "import")
    static final class Import extends NotYetAvailableCommand {
        Import(CommandContext context) {
            super(context);
        }
    }

    @Command(name = "upload")
    static final class Upload extends NotYetAvailableCommand {
        Upload(CommandContext context) {
            super(context);
        }
    }

    @Command(name = "platform")
    static final class Platform extends NotYetAvailableCommand {
        Platform(CommandContext context) {
            super(context);
        }
    }

    @Command(name = "login")
    static final class PlatformLogin extends NotYetAvailableCommand {
        PlatformLogin(CommandContext context) {
            super(context);
        }
    }
}
