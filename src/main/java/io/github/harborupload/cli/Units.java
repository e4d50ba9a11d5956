package io.github.harborupload.cli;

import io.github.harborupload.i18n.Translator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Sizes, speeds and times for the terminal, in the user's language. Sizes use decimal units, as
 * {@code docker images} prints them, so both show the same numbers.
 */
final class Units {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private final Translator translator;

    Units(Translator translator) {
        this.translator = translator;
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, UNITS[unit]);
    }

    static String speed(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** "about 3 min left"; empty when unknown. */
    String timeLeft(long seconds) {
        return seconds < 0 ? "" : text("time.left", duration(seconds));
    }

    /** "12 s", "3 min", "1 h 5 min". */
    String duration(long seconds) {
        if (seconds < 60) {
            return text("time.seconds", seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? text("time.minutes", minutes) : text("time.hours", minutes / 60, minutes % 60);
    }

    /** "just now", "5 min ago", "3 days ago". */
    String age(Instant created, Instant now) {
        long seconds = Math.max(0, Duration.between(created, now).getSeconds());
        if (seconds < 60) {
            return text("age.now");
        }
        if (seconds < 3600) {
            return text("age.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return text("age.hours", seconds / 3600);
        }
        if (seconds < 86_400L * 60) {
            return text("age.days", seconds / 86_400);
        }
        return text("age.months", seconds / (86_400L * 30));
    }

    private String text(String key, Object... args) {
        return translator.text(CommandContext.BUNDLE, key, args);
    }
}
