package io.github.harborupload.cli;

import static java.util.stream.Collectors.joining;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Picocli's parse errors in the user's language. Picocli words them in English; the kinds a user
 * meets (a mistyped command or option, a missing argument or value, an option given twice) are
 * said again here, naming what was typed; values are refused by Cli's converters, in the user's
 * language already. Rarer kinds keep picocli's own text.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static String describe(ParameterException problem, CommandContext context) {
        if (problem instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, context);
        }
        if (problem instanceof MissingParameterException missing) {
            return missing.getMissing().stream().map(arg -> arg.isOption()
                    ? context.text("usage.needsValue", name(arg))
                    : context.text("usage.missing", name(arg))).collect(joining(" "));
        }
        if (problem instanceof OverwrittenOptionException twice) {
            return context.text("usage.givenTwice", name(twice.getOverwritten()));
        }
        if (problem.getCause() instanceof TypeConversionException refusal) {
            return refusal.getMessage(); // from Cli's converters, in the user's language already
        }
        return problem.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException unmatched, CommandContext context) {
        // Picocli counts everything after the first unknown word as unmatched; that word is the mistake.
        String first = unmatched.getUnmatched().get(0);
        String text = unmatched.isUnknownOption() ? context.text("usage.unknownOption", first)
                : unmatched.getCommandLine().getSubcommands().isEmpty()
                        ? context.text("usage.extraArgument", String.join(" ", unmatched.getUnmatched()))
                        : context.text("usage.unknownCommand", first);
        List<String> suggestions = unmatched.getSuggestions();
        return suggestions.isEmpty() ? text : text + " " + context.text("usage.didYouMean", String.join(", ", suggestions));
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
