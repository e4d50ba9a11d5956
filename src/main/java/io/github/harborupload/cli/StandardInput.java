package io.github.harborupload.cli;

import io.github.harborupload.flow.CredentialsStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard input read as a paste: a pasted text, or a password piped in as
 * {@code docker login --password-stdin} takes it. Never more than a paste may hold.
 */
final class StandardInput {

    /** A paste's limit in bytes (a character is at most 4 in UTF-8 and in the consoles' code pages), and one character more, so too long can be told. */
    private static final int MAX_BYTES = 4 * CredentialsStep.MAX_PASTE_LENGTH + 4;

    private StandardInput() {
    }

    static String readAll(CommandContext context) {
        try {
            return readBounded(context.terminal().in(), context.terminal().inCharset());
        } catch (IOException e) {
            throw new BadInput(context.text("login.stdinUnreadable", e.getMessage()));
        }
    }

    /** A file's text, in UTF-8: see {@link #readBounded(InputStream, Charset)}. */
    static String readBounded(InputStream in) throws IOException {
        return readBounded(in, StandardCharsets.UTF_8);
    }

    /**
     * The text of a stream, but never more than a paste may hold and one character: a file that
     * never ends (/dev/zero) or is huge stops there, and its length says it was too long. Bytes
     * that are not text in {@code charset} (a binary file) become replacement characters, which
     * hold no credential.
     */
    static String readBounded(InputStream in, Charset charset) throws IOException {
        return new String(in.readNBytes(MAX_BYTES), charset);
    }

    /** The password on standard input, without the line end that {@code echo} or a file adds. */
    static String password(CommandContext context) {
        String password = withoutLineEnd(readAll(context));
        if (password.length() > CredentialsStep.MAX_PASTE_LENGTH) {
            throw new BadInput(context.text("login.stdinTooLong", CredentialsStep.MAX_PASTE_LENGTH));
        }
        return password;
    }

    /** As {@code docker login --password-stdin}: one line end at the end is not part of the password. */
    static String withoutLineEnd(String text) {
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return trimmed.endsWith("\r") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
