package io.github.harborupload.i18n;

import java.util.Locale;

/** Sizes for people, in decimal units as {@code docker images} prints them, so both show the same numbers. */
public final class Sizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Sizes() {
    }

    /** "812 B", "3.27 MB", "41.9 GB"; "?" when unknown (negative). */
    public static String bytes(long bytes) {
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

    /** "35.0 MB/s". */
    public static String speed(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }
}
