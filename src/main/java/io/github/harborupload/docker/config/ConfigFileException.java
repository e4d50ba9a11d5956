package io.github.harborupload.docker.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file in the Docker config folder could not be read, is not what the CLI writes, or could not be
 * written. A failed write leaves the old file as it was.
 */
public class ConfigFileException extends DockerConfigException {

    /** What went wrong with the file. */
    public enum Reason {
        /** It exists but could not be read (permissions, a folder in its place, I/O error). */
        UNREADABLE,
        /** It was read but is not valid JSON or not shaped like the CLI's file. */
        INVALID,
        /** The new content could not be written; the old file is unchanged. */
        UNWRITABLE
    }

    private final Path file;
    private final Reason reason;

    public ConfigFileException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = reason;
    }

    static ConfigFileException unreadable(Path file, IOException cause) {
        return new ConfigFileException(file, Reason.UNREADABLE,
                "Could not read " + file + ": " + describe(cause), cause);
    }

    /** The problem must not quote the file, which may hold secrets. */
    static ConfigFileException invalid(Path file, String problem) {
        return new ConfigFileException(file, Reason.INVALID, file + " " + problem, null);
    }

    static ConfigFileException unwritable(Path file, IOException cause) {
        return new ConfigFileException(file, Reason.UNWRITABLE,
                "Could not write " + file + " (the old file is unchanged): " + describe(cause), cause);
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** NIO exceptions carry only the path in their message; the class name says what happened. */
    private static String describe(IOException cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
