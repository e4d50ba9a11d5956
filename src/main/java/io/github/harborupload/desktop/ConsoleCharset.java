package io.github.harborupload.desktop;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The charset of the command line's text on a console, both ways: a Windows console's code page
 * (936 on a Chinese Windows, 437 on an English one) for what it shows and for what is typed or
 * pasted into it (issue 16, items 2 and 6; Java's {@code Console.charset()} is the console's input
 * code page there, {@code GetConsoleCP}); UTF-8 for a pipe or a file and on every other system,
 * whatever the locale says.
 */
public final class ConsoleCharset {

    private ConsoleCharset() {
    }

    /**
     * @param consoleCharset the console's charset, or null when input or output is not a console
     */
    public static Charset choose(String osName, Charset consoleCharset) {
        return consoleCharset == null || OsKind.of(osName) != OsKind.WINDOWS ? StandardCharsets.UTF_8 : consoleCharset;
    }
}
