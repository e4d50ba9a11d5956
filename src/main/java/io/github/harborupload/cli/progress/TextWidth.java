package io.github.harborupload.cli.progress;

/**
 * How many terminal columns text takes: Chinese characters take two. Lines redrawn in place must
 * never wrap, or moving the cursor up by the number of lines drawn lands in the wrong place.
 */
public final class TextWidth {

    private TextWidth() {
    }

    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += isWide(codePoint) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** The text padded with spaces to {@code columns}, or cut to fit them. */
    public static String pad(String text, int columns) {
        String fitted = fit(text, columns);
        return fitted + " ".repeat(Math.max(0, columns - of(fitted)));
    }

    /** The longest start of the text that fits in {@code columns}. */
    static String fit(String text, int columns) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += isWide(codePoint) ? 2 : 1;
            if (width > columns) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /** East Asian wide and full-width characters: CJK, Hangul, full-width forms. */
    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
