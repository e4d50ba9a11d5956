package io.github.harborupload.ui.common;

import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Translator;
import java.time.Duration;
import java.time.Instant;

/** Sizes, speeds and times as a person reads them, in the user's language. */
public final class Formats {

    private static final String BUNDLE = "io.github.harborupload.ui.messages";

    private final Translator translator;

    public Formats(Translator translator) {
        this.translator = translator;
    }

    public static String speed(long bytesPerSecond) {
        return Sizes.bytes(bytesPerSecond) + "/s";
    }

    /** "about 3 min left"; empty when unknown. */
    public String timeLeft(long seconds) {
        if (seconds < 0) {
            return "";
        }
        return translator.text(BUNDLE, "time.left", duration(seconds));
    }

    /** "12 s", "3 min", "1 h 5 min". */
    public String duration(long seconds) {
        if (seconds < 60) {
            return translator.text(BUNDLE, "time.seconds", seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return translator.text(BUNDLE, "time.minutes", minutes);
        }
        return translator.text(BUNDLE, "time.hours", minutes / 60, minutes % 60);
    }

    /** "just now", "5 minutes ago", "3 days ago". */
    public String age(Instant created, Instant now) {
        long seconds = Math.max(0, Duration.between(created, now).getSeconds());
        if (seconds < 60) {
            return translator.text(BUNDLE, "age.now");
        }
        if (seconds < 3600) {
            return translator.text(BUNDLE, "age.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return translator.text(BUNDLE, "age.hours", seconds / 3600);
        }
        if (seconds < 86_400L * 60) {
            return translator.text(BUNDLE, "age.days", seconds / 86_400);
        }
        return translator.text(BUNDLE, "age.months", seconds / (86_400L * 30));
    }
}
