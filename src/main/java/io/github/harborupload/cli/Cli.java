package io.github.harborupload.cli;

import io.github.harborupload.cli.progress.ProgressMode;
import io.github.harborupload.desktop.ConsoleText;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platform.TaskType;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The command line: {@code harbor-upload login|images|push|platform login|import|upload …} over
 * the same flow as the wizard.
 * Everything it touches comes from the {@link Environment} and {@link Terminal} it is given, so a
 * test runs it in-process against its own Docker config and settings folder.
 */
public final class Cli {

    private static final int MIN_HELP_WIDTH = 60;
    private static final int MAX_HELP_WIDTH = 120;

    private final Environment environment;
    private final Terminal terminal;
    private final CancelSignal cancelSignal;

    public Cli(Environment environment, Terminal terminal, CancelSignal cancelSignal) {
        this.environment = environment;
        this.terminal = terminal;
        this.cancelSignal = cancelSignal;
    }

    /** This process's command line: its environment, streams and Ctrl-C. Returns the exit code. */
    public static int main(String[] args) {
        Environment environment = Environment.current();
        return new Cli(environment, Terminal.system(environment), CancelSignal.ctrlC()).run(args);
    }

    /** Runs one command; returns its exit code ({@link ExitCode}). */
    public int run(String... args) {
        try (Services services = new Services(environment)) {
            Optional<String> asked = languageArgument(args);
            String remembered = services.settings().load().language();
            Language fallback = Language.fromCode(remembered).orElse(Language.ofSystem());
            Optional<Language> language = asked.isPresent() ? Language.fromCode(asked.get()) : Optional.of(fallback);
            if (language.isEmpty()) {
                terminal.err().println(new Translator(fallback).text(CommandContext.BUNDLE, "usage.badLanguage", asked.get()));
                return ExitCode.USAGE.code();
            }
            HarborUploadCommand root = new HarborUploadCommand();
            CommandContext context = new CommandContext(services, new Translator(language.get()), terminal, cancelSignal,
                    root::verbose);
            return commandLine(root, context).execute(args);
        }
    }

    private CommandLine commandLine(HarborUploadCommand root, CommandContext context) {
        CommandLine line = new CommandLine(root)
                .addSubcommand(new LoginCommand(context))
                .addSubcommand(new ImagesCommand(context))
                .addSubcommand(new PushCommand(context))
                .addSubcommand(new CommandLine(new PlatformCommand())
                        .addSubcommand(new PlatformLoginCommand(context))
                        .addSubcommand(new PlatformLogoutCommand(context)))
                .addSubcommand(new ImportCommand(context))
                .addSubcommand(new UploadCommand(context))
                .addSubcommand(new HistoryCommand(context));
        // After the commands: a converter reaches only those already added. Every value the command
        // line can refuse goes through one of these, so that the refusal is in the user's language.
        line.registerConverter(TaskType.class, value -> TaskType.fromValue(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new CommandLine.TypeConversionException(context.text("usage.taskType", value))));
        line.registerConverter(ProgressMode.class, value -> ProgressMode.fromValue(value)
                .orElseThrow(() -> new CommandLine.TypeConversionException(context.text("usage.progress", value))));
        line.registerConverter(PushMethod.class, value -> PushMethod.fromValue(value)
                .orElseThrow(() -> new CommandLine.TypeConversionException(context.text("usage.via", value))));
        line.setResourceBundle(new HelpTexts(context.translator().bundle(CommandContext.BUNDLE)));
        line.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, Math.min(terminal.columns(), MAX_HELP_WIDTH)));
        line.setOut(writer(terminal.out()));
        line.setErr(writer(terminal.err()));
        line.getCommandSpec().usageMessage()
                .exitCodeListHeading(context.text("exit.heading"))
                .exitCodeList(exitCodes(context));
        line.setParameterExceptionHandler((problem, args) -> {
            terminal.err().println(UsageErrors.describe(problem, context));
            terminal.err().println(context.text("usage.seeHelp",
                    problem.getCommandLine().getCommandSpec().qualifiedName() + " --help"));
            return ExitCode.USAGE.code();
        });
        return line;
    }

    /** Picocli writes to a Writer; it prints through the stream, in the console's charset (issue 16, item 2). */
    private static PrintWriter writer(PrintStream stream) {
        return ConsoleText.printWriter(stream);
    }

    /** The exit codes for the help, from {@link ExitCode} itself so the two cannot differ. */
    private static Map<String, String> exitCodes(CommandContext context) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.format("%3d", code.code()), context.text("exit." + code.name()));
        }
        return codes;
    }

    /**
     * The value of {@code --lang}, looked for before parsing: the help and picocli's own headings
     * are built in the language, so it must be known first.
     */
    static Optional<String> languageArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--lang=")) {
                return Optional.of(args[i].substring("--lang=".length()));
            }
        }
        return Optional.empty();
    }
}
