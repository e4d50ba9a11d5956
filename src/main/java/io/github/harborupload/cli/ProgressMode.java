package io.github.harborupload.cli;

import io.github.harborupload.cli.progress.PlainProgress;
import io.github.harborupload.cli.progress.ProgressText;
import io.github.harborupload.cli.progress.ProgressView;
import io.github.harborupload.cli.progress.TerminalProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How {@code push} shows progress: {@code --progress=auto|tty|plain|none}. */
enum ProgressMode {
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
    static Optional<ProgressMode> fromValue(String value) {
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(value.strip())).findFirst();
    }

    /** A console that shows cursor moves as text (issue 16, item 3) gets plain lines even when asked for tty. */
    ProgressMode resolve(Terminal terminal) {
        ProgressMode mode = this != AUTO ? this : terminal.isInteractive() ? TTY : PLAIN;
        return mode == TTY && !terminal.cursorMoves() ? PLAIN : mode;
    }

    ProgressView view(PrintStream stream, ProgressText text, int columns) {
        return switch (this) {
            case AUTO -> throw new IllegalStateException("resolve the mode first");
            case TTY -> new TerminalProgress(stream, text, columns);
            case PLAIN -> new PlainProgress(stream, text, System::currentTimeMillis);
            case NONE -> ProgressView.NONE;
        };
    }

    Duration period() {
        return this == TTY ? TTY_PERIOD : PLAIN_PERIOD;
    }
}
