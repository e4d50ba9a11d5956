package io.github.harborupload.docker.config;

/** The operating systems the docker CLI treats differently, told apart by Java's {@code os.name}. */
enum OsFamily {
    WINDOWS, MAC, LINUX, OTHER;

    static OsFamily of(String osName) {
        if (osName.startsWith("Windows")) {
            return WINDOWS;
        }
        if (osName.startsWith("Mac")) {
            return MAC;
        }
        if (osName.startsWith("Linux")) {
            return LINUX;
        }
        return OTHER;
    }
}
