package io.github.harborupload.desktop;

import java.util.Locale;

/** The systems whose desktops differ here, told apart by Java's {@code os.name}. */
enum OsKind {
    WINDOWS, MAC, LINUX, OTHER;

    static OsKind of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.startsWith("mac")) {
            return MAC;
        }
        return os.startsWith("linux") ? LINUX : OTHER;
    }
}
