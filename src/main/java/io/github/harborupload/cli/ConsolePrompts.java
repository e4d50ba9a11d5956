package io.github.harborupload.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Questions asked on the interactive console: a line, a secret without echo, yes or no. */
final class ConsolePrompts {

    /** Answers that mean yes; anything else, an empty line included, means no. */
    private static final Set<String> YES = Set.of("y", "yes", "是");

    private ConsolePrompts() {
    }

    /** The typed line, trimmed; empty when input ended. */
    static String line(Console console, String prompt) {
        String typed = console.readLine("%s", prompt);
        return typed == null ? "" : typed.strip();
    }

    /** The typed secret, not echoed; empty when input ended. */
    static String secret(Console console, String prompt) {
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            return "";
        }
        String secret = new String(typed);
        Arrays.fill(typed, '\0');
        return secret;
    }

    /** A question answered y/N; No unless the user answers yes. */
    static boolean confirm(Console console, String question, String choices) {
        return isYes(console.readLine("%s %s ", question, choices));
    }

    static boolean isYes(String answer) {
        return answer != null && YES.contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
