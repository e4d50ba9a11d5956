package io.github.harborupload.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pasted text cut into clean lines. What a browser copy adds is removed: invisible characters,
 * non-breaking and full-width spaces, copy-button glyphs, blank lines, and the dialog's button and
 * badge lines that could otherwise pass for a value.
 */
final class PastedLines {

    /**
     * Invisible characters that would break a login if they stayed inside a password: zero-width
     * ones, the direction marks, embeddings, overrides and isolates a copy from a right-to-left page
     * carries, and the soft hyphen.
     */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\x{200B}-\\x{200F}\\x{202A}-\\x{202E}\\x{2060}\\x{2066}-\\x{2069}\\x{061C}\\x{00AD}\\x{FEFF}]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\n\\x{85}\\x{2028}\\x{2029}]");
    /**
     * Tabs, NBSP, the ideographic space and every other space separator become one plain space; so
     * do control characters (NUL, BEL…), which no value holds and which must not end up in a field.
     */
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\p{Cc}]+");
    private static final Pattern COPY_GLYPHS =
            Pattern.compile("[\\x{1F4CB}\\x{1F5D0}\\x{1F5CD}\\x{29C9}\\x{2398}\\x{2750}]");

    /*
     * Only lines that look like a value need listing here; titles and alerts are Chinese sentences,
     * which never pass for a value, so they are ignored without being named.
     */
    private static final Set<String> NOISE = Set.of(
            "harbor registry", "重置密码", "确认重置", "取消", "关闭", "close", "cancel",
            "加载中...", "加载中…", "loading...", "复制", "已复制", "copy", "copied", "×", "✕");

    private PastedLines() {
    }

    static boolean isBlank(String text) {
        return SPACES.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll("").isBlank();
    }

    static List<String> of(String text) {
        String visible = COPY_GLYPHS.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
        List<String> lines = new ArrayList<>();
        for (String raw : LINE_BREAK.split(visible)) {
            String line = SPACES.matcher(raw).replaceAll(" ").strip();
            if (!line.isEmpty() && !NOISE.contains(line.toLowerCase(Locale.ROOT))) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The text up to the first space: values never contain one, so what follows is not the value. */
    static String firstWord(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }
}
