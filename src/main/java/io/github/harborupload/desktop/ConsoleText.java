package io.github.harborupload.desktop;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;

/**
 * Text for a console that may not have every character: where its charset lacks the typographic
 * quotes, dashes and ellipsis the messages use (code page 437 has none of “ ” ‘ ’ …), their ASCII
 * look-alikes are written instead of the encoder's "?". A character with no look-alike (Chinese on
 * an English console) still becomes "?", as the console itself would show it.
 */
public final class ConsoleText {

    private static final Map<Character, String> LOOK_ALIKES = Map.of(
            '“', "\"", '”', "\"", '‘', "'", '’', "'", '…', "...", '—', "-", '–', "-", '→', "->", '✓', "v", '✗', "x");

    private ConsoleText() {
    }

    /** {@code text} with what {@code charset} cannot encode replaced by look-alikes. */
    public static String fit(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder fitted = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String lookAlike = LOOK_ALIKES.get(c);
            fitted.append(lookAlike != null && !encoder.canEncode(c) ? lookAlike : String.valueOf(c));
        }
        return fitted.toString();
    }

    /** A stream that writes {@code charset}, fitting all text printed to it, flushing at each line. */
    public static PrintStream printStream(OutputStream out, Charset charset) {
        return new Fitting(out, charset);
    }

    /** A writer (what picocli writes to) that prints through {@code stream}, in its charset and fitted. */
    public static PrintWriter printWriter(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                stream.print(new String(buffer, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush(); // the stream is the process's: it stays open
            }
        }, true);
    }

    /**
     * Every text path of PrintStream ({@code println}, {@code printf}, {@code append}) ends in one of
     * these {@code print}s in a subclass; bytes written directly are not text and pass as they are.
     */
    private static final class Fitting extends PrintStream {

        private final Charset charset;

        Fitting(OutputStream out, Charset charset) {
            super(out, true, charset);
            this.charset = charset;
        }

        @Override
        public void print(String s) {
            super.print(s == null ? null : fit(s, charset));
        }

        @Override
        public void print(Object o) {
            print(String.valueOf(o));
        }

        @Override
        public void print(char[] s) {
            print(new String(s));
        }

        @Override
        public void print(char c) {
            print(String.valueOf(c));
        }
    }
}
