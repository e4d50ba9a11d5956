package io.github.harborupload.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code harbor-upload}: the options every command takes, and the list of commands. Its texts,
 * like every command's, come from this package's bundle.
 */
@Command(name = Program.NAME, sortOptions = false, usageHelpAutoWidth = false, versionProvider = ProgramVersion.class)
final class HarborUploadCommand implements Callable<Integer> {

    /** Read before parsing, by {@link Cli}, so that even the help is in that language; declared for help and parsing. */
    @Option(names = "--lang", paramLabel = "en|zh", scope = ScopeType.INHERIT, descriptionKey = "lang")
    String language;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, descriptionKey = "verbose")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, descriptionKey = "help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, descriptionKey = "version")
    boolean version;

    @Spec
    CommandSpec spec;

    boolean verbose() {
        return verbose;
    }

    /** No command given: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
