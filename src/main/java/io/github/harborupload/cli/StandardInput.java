package io.github.harborupload.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Standard input read whole: a pasted text, or a password piped in as {@code docker login --password-stdin} takes it. */
final class StandardInput {

    private StandardInput() {
    }

    static String readAll(CommandContext context) {
        try {
            return new String(context.terminal().in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(context.text("login.stdinUnreadable", e.getMessage()));
        }
    }

    /** The password on standard input, without the line end that {@code echo} or a file adds. */
    static String password(CommandContext context) {
        return withoutLineEnd(readAll(context));
    }

    /** As {@code docker login --password-stdin}: one line end at the end is not part of the password. */
    static String withoutLineEnd(String text) {
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return trimmed.endsWith("\r") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
