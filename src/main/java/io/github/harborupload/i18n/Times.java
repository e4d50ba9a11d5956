package io.github.harborupload.i18n;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Durations, time left and ages for people, as {@link Text}: one set of words for both faces. */
public final class Times {

    static final String BUNDLE = "io.github.harborupload.i18n.messages";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    /** "12 s", "3 min", "1 h 5 min". */
    public static Text duration(long seconds) {
        if (seconds < 60) {
            return text("time.seconds", seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? text("time.minutes", minutes) : text("time.hours", minutes / 60, minutes % 60);
    }

    /** "about 3 min left"; empty when unknown (negative). */
    public static Optional<Text> timeLeft(long seconds) {
        return seconds < 0 ? Optional.empty() : Optional.of(text("time.left", duration(seconds)));
    }

    /** "just now", "5 min ago", "3 days ago". */
    public static Text age(Instant created, Instant now) {
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

    /** {@code 2026-12-03 15:10}, in this computer's time zone: when something happened, to the minute. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
