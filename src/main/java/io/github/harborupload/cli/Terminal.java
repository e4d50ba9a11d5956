package io.github.harborupload.cli;

import io.github.harborupload.desktop.ConsoleCharset;
import io.github.harborupload.desktop.ConsoleOutput;
import io.github.harborupload.desktop.ConsoleText;
import io.github.harborupload.flow.Environment;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads and writes: the process's own streams, or a test's. The output streams
 * write {@link #CHARSET}, except on a Windows console, which gets its own code page.
 *
 * @param console     the interactive console, or null when input or output is not a terminal (a pipe,
 *                    a file, a test): then nothing is prompted and progress is printed as plain lines
 * @param columns     the terminal's width, for lines redrawn in place
 * @param cursorMoves whether ANSI cursor moves work there; else progress is printed as plain lines
 *                    (a classic Windows console where virtual terminal mode cannot be enabled)
 * @param inCharset   what {@code in} is read in: {@link #CHARSET}, except what is typed or pasted into a
 *                    Windows console, which comes in its code page
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Console console, int columns, boolean cursorMoves,
        Charset inCharset) {

    /** What the command line writes, whatever the locale says, except to a Windows console. */
    public static final Charset CHARSET = StandardCharsets.UTF_8;
    static final int DEFAULT_COLUMNS = 80;

    public Terminal(InputStream in, PrintStream out, PrintStream err, Console console, int columns) {
        this(in, out, err, console, columns, true);
    }

    public Terminal(InputStream in, PrintStream out, PrintStream err, Console console, int columns, boolean cursorMoves) {
        this(in, out, err, console, columns, cursorMoves, CHARSET);
    }

    /**
     * The process's streams, in UTF-8 whatever the locale says (a server reached by SSH often runs
     * with LANG=C, which would print every Chinese character as "?"); on a Windows console in its code
     * page, with virtual terminal processing turned on where it can be ({@link ConsoleOutput}).
     */
    public static Terminal system(Environment environment) {
        Console console = System.console();
        ConsoleOutput output = ConsoleOutput.forProcess(environment.osName(), console);
        return new Terminal(System.in,
                ConsoleText.printStream(new FileOutputStream(FileDescriptor.out), output.charset()),
                ConsoleText.printStream(new FileOutputStream(FileDescriptor.err), output.charset()),
                console, columns(environment.variables().get("COLUMNS")), output.cursorMoves(),
                ConsoleCharset.choose(environment.osName(), console == null ? null : console.charset()));
    }

    /** A terminal for a test: no console, 80 columns; the streams must write {@link #CHARSET}. */
    public static Terminal of(InputStream in, PrintStream out, PrintStream err) {
        return new Terminal(in, out, err, null, DEFAULT_COLUMNS);
    }

    public boolean isInteractive() {
        return console != null;
    }

    private static int columns(String variable) {
        try {
            int columns = variable == null ? DEFAULT_COLUMNS : Integer.parseInt(variable.trim());
            return columns >= 20 ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
