package io.github.harborupload.desktop;

import java.util.List;
import java.util.Set;

/**
 * The font families the window asks for, per OS, each the first one installed of a list. JavaFX CSS
 * uses only the first family of a {@code -fx-font-family} list, so a list in the stylesheet never
 * reached "Microsoft YaHei" or "PingFang SC", and {@code .mono} fell back to a proportional font
 * (issue 16, item 9). The JavaFX face passes the installed families ({@code Font.getFamilies()}).
 *
 * @param text for all text: one with Chinese glyphs, since the window speaks Chinese too
 * @param mono for details, digests and commands
 */
public record FontFamilies(String text, String mono) {

    /** JavaFX's logical families, always there. */
    static final String LOGICAL_TEXT = "System";
    static final String LOGICAL_MONO = "Monospaced";

    public static FontFamilies choose(String osName, Set<String> installed) {
        return switch (OsKind.of(osName)) {
            // Windows 10/11: YaHei UI is the UI cut of YaHei; Consolas ships since Vista.
            case WINDOWS -> new FontFamilies(first(installed, List.of("Microsoft YaHei UI", "Microsoft YaHei", "Segoe UI"), LOGICAL_TEXT),
                    first(installed, List.of("Consolas", "Cascadia Mono", "Courier New"), LOGICAL_MONO));
            // macOS: PingFang SC is the system's Chinese face since 10.11; Menlo its monospace since 10.6.
            case MAC -> new FontFamilies(first(installed, List.of("PingFang SC", "Hiragino Sans GB", "Helvetica Neue"), LOGICAL_TEXT),
                    first(installed, List.of("Menlo", "SF Mono", "Monaco"), LOGICAL_MONO));
            case LINUX, OTHER -> new FontFamilies(
                    first(installed, List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "DejaVu Sans"), LOGICAL_TEXT),
                    first(installed, List.of("DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono"), LOGICAL_MONO));
        };
    }

    private static String first(Set<String> installed, List<String> wanted, String fallback) {
        return wanted.stream().filter(installed::contains).findFirst().orElse(fallback);
    }

    /** The CSS that names them: the root's family and the monospaced classes'. */
    public String css() {
        return ".root { -fx-font-family: \"" + text + "\"; }\n"
                + ".mono, .problem-detail { -fx-font-family: \"" + mono + "\"; }\n";
    }
}
