package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The command line's console output per OS (issue 16, items 2 and 3), on Linux with stand-in consoles. */
class ConsoleOutputTest {

    private static final Charset CP936 = Charset.forName("GBK");
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final VirtualTerminalMode ENABLED = () -> true;

    @Test
    void aWindowsConsoleGetsItsCodePageAndOthersUtf8() {
        // Issue 16, item 2: Chinese Windows consoles use code page 936, English ones 437; UTF-8 there is garbage.
        assertEquals(new ConsoleOutput(CP936, true), ConsoleOutput.choose("Windows 11", CP936, ENABLED));
        assertEquals(new ConsoleOutput(CP437, true), ConsoleOutput.choose("Windows 10", CP437, ENABLED));
        // A pipe or a file (no console) and every other system: UTF-8, whatever the locale says.
        assertEquals(ConsoleOutput.UTF8, ConsoleOutput.choose("Windows 11", null, ENABLED));
        assertEquals(ConsoleOutput.UTF8, ConsoleOutput.choose("Linux", StandardCharsets.US_ASCII, ENABLED));
        assertEquals(ConsoleOutput.UTF8, ConsoleOutput.choose("Mac OS X", StandardCharsets.US_ASCII, ENABLED));
    }

    @Test
    void inputIsReadInTheSameCharsetAsOutputIsWritten() {
        // Issue 16: what is typed or pasted into a Windows console comes in its code page (GetConsoleCP,
        // which Java's Console.charset() reports there); a pipe or a file, and other systems, UTF-8.
        assertEquals(CP936, ConsoleCharset.choose("Windows 11", CP936));
        assertEquals(StandardCharsets.UTF_8, ConsoleCharset.choose("Windows 11", null));
        assertEquals(StandardCharsets.UTF_8, ConsoleCharset.choose("Linux", StandardCharsets.US_ASCII));
    }

    @Test
    void virtualTerminalModeIsAskedOnlyOnAWindowsConsoleAndWithoutItThereAreNoCursorMoves() {
        // Issue 16, item 3: conhost shows ESC[2A as ←[2A unless ENABLE_VIRTUAL_TERMINAL_PROCESSING is set;
        // where SetConsoleMode refuses it (before Windows 10 1511) or kernel32 cannot load, plain lines.
        AtomicInteger asked = new AtomicInteger();
        VirtualTerminalMode refused = () -> asked.incrementAndGet() < 0;

        assertFalse(ConsoleOutput.choose("Windows 8.1", CP437, refused).cursorMoves());
        assertFalse(ConsoleOutput.choose("Windows 10", CP437, () -> {
            throw new UnsatisfiedLinkError("kernel32");
        }).cursorMoves());
        ConsoleOutput.choose("Linux", StandardCharsets.UTF_8, refused);
        ConsoleOutput.choose("Windows 11", null, refused);
        assertEquals(1, asked.get(), "only the Windows console was asked");
    }

    @Test
    void chineseIsWrittenInCodePage936() {
        // Issue 16, item 2: what a Chinese console shows is GBK bytes.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = ConsoleText.printStream(bytes, CP936);

        out.print("推送完成：“您的镜像”");

        assertArrayEquals("推送完成：“您的镜像”".getBytes(CP936), bytes.toByteArray());
    }

    @Test
    void onCodePage437TypographicPunctuationBecomesAsciiNotQuestionMarks() {
        // Issue 16, item 2: cp437 has no “ ” ‘ ’ … —; the messages use them.
        assertEquals("\"harbor.example\" isn't reachable... - check", ConsoleText.fit("“harbor.example” isn’t reachable… — check", CP437));
        assertEquals("“kept” …", ConsoleText.fit("“kept” …", StandardCharsets.UTF_8));
        assertEquals("“kept”", ConsoleText.fit("“kept”", CP936), "GBK has the quotes");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = ConsoleText.printStream(bytes, CP437);
        out.println("“a”");
        out.printf("%s…%n", "b");
        out.print((Object) "‘c’");
        try (PrintWriter picocli = ConsoleText.printWriter(out)) {
            picocli.print("— d");
        }
        assertEquals(String.format("\"a\"%nb...%n'c'- d"), bytes.toString(CP437));
    }
}
