package io.github.harborupload.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code push --progress tty} drew: the last state shown for each layer. */
final class TerminalFrames {

    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9]*[A-Za-z]|\r");
    /** "  0a11f9f902ba  Pushed                [####…]  2.0 MB / 2.0 MB". */
    private static final Pattern LAYER_LINE = Pattern.compile("^ {2}([0-9a-f]{12}) {2}(.+?)\\s{2,}\\[");

    private TerminalFrames() {
    }

    /** Each layer's state text in the last picture that showed it, in order of first appearance. */
    static Map<String, String> lastStates(String output) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : ESCAPES.matcher(output).replaceAll("").split("\n")) {
            Matcher layer = LAYER_LINE.matcher(line);
            if (layer.find()) {
                states.put(layer.group(1), layer.group(2).strip());
            }
        }
        return states;
    }

    /** The output without the cursor movements, for a reader of a failed assertion. */
    static String plain(String output) {
        return ESCAPES.matcher(output).replaceAll("");
    }
}
