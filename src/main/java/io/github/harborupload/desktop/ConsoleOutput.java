package io.github.harborupload.desktop;

import java.io.Console;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the command line must write to the console it runs in: in which charset, and whether ANSI
 * cursor moves work (progress redrawn in place) or only plain lines do.
 *
 * <p>Windows consoles use the code page of the system's language, 936 on a Chinese Windows and 437 on
 * an English one, and showed UTF-8 as garbage (issue 16, item 2); the classic console (conhost) shows
 * {@code ESC[2A} as {@code ←[2A} unless the program turns on virtual terminal processing (item 3).
 * Elsewhere, and whenever the output is not a console (a pipe, a file), UTF-8 whatever the locale
 * says: a server reached by SSH often runs with {@code LANG=C}.
 */
public record ConsoleOutput(Charset charset, boolean cursorMoves) {

    /** A pipe, a file, or a terminal that is not Windows'. */
    public static final ConsoleOutput UTF8 = new ConsoleOutput(StandardCharsets.UTF_8, true);

    /** For this process: Java's console (null when the output is not a terminal) and the real Windows console mode. */
    public static ConsoleOutput forProcess(String osName, Console console) {
        return choose(osName, console == null ? null : console.charset(), new Kernel32ConsoleMode());
    }

    /**
     * The rule, as a pure function of its inputs.
     *
     * @param consoleCharset the console's charset, or null when the output is not a console
     * @param mode           asked only on Windows with a console
     */
    static ConsoleOutput choose(String osName, Charset consoleCharset, VirtualTerminalMode mode) {
        Charset charset = ConsoleCharset.choose(osName, consoleCharset);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return UTF8;
        }
        return new ConsoleOutput(charset, enable(mode));
    }

    /** A console whose mode cannot be set (an old Windows, no kernel32) gets plain lines. */
    private static boolean enable(VirtualTerminalMode mode) {
        try {
            return mode.enable();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
