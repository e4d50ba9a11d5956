package io.github.harborupload.cli.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How {@code push} shows progress: {@code --progress=auto|tty|plain|none}. */
public enum ProgressMode {
    /** {@link #TTY} on an interactive terminal, else {@link #PLAIN}. */
    AUTO,
    /** Lines redrawn in place about ten times a second. */
    TTY,
    /** A line at each tenth and every few seconds, for logs and pipes. */
    PLAIN,
    NONE;

    /** Ten pictures a second look live and cost the terminal little, even over SSH. */
    static final Duration TTY_PERIOD = Duration.ofMillis(100);
    static final Duration PLAIN_PERIOD = Duration.ofSeconds(1);

    /** The mode a user typed, in any case. */
    public static Optional<ProgressMode> fromValue(String value) {
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(value.strip())).findFirst();
    }

    /**
     * The mode for a terminal that is {@code interactive} (a console, not a pipe) and where
     * {@code cursorMoves} work: a console that shows cursor moves as text (issue 16, item 3) gets
     * plain lines even when asked for tty.
     */
    public ProgressMode resolve(boolean interactive, boolean cursorMoves) {
        ProgressMode mode = this != AUTO ? this : interactive ? TTY : PLAIN;
        return mode == TTY && !cursorMoves ? PLAIN : mode;
    }

    public ProgressView view(PrintStream stream, ProgressText text, int columns) {
        return switch (this) {
            case AUTO -> throw new IllegalStateException("resolve the mode first");
            case TTY -> new TerminalProgress(stream, text, columns);
            case PLAIN -> new PlainProgress(stream, text, System::currentTimeMillis);
            case NONE -> ProgressView.NONE;
        };
    }

    public Duration period() {
        return this == TTY ? TTY_PERIOD : PLAIN_PERIOD;
    }
}
