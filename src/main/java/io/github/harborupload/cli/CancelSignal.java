package io.github.harborupload.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C, as a command sees it. While a push runs it registers what to do, so Ctrl-C cancels the
 * push in the engine before the process ends, instead of leaving the engine pushing alone.
 */
public interface CancelSignal {

    /** Runs {@code action} if the user presses Ctrl-C before the returned registration is closed. */
    Registration onCancel(Runnable action);

    /**
     * Ctrl-C during a push that can pause (issue 19): the first press runs {@code pause} and the
     * process goes on until the push reports it; a second press runs {@code stop} and ends the
     * process at once. A signal that cannot tell presses apart (a test's) only pauses.
     */
    default Registration onPause(Runnable pause, Runnable stop) {
        return onCancel(pause);
    }

    /** Ends a registration; closing it twice, or during the shutdown it guarded, is harmless. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Ctrl-C of the real process: a shutdown hook. The JVM runs it on SIGINT and waits for it, so
     * the action can cancel the push and wait briefly for the command to report it; the process
     * then ends with 130, as for any SIGINT.
     */
    static CancelSignal ctrlC() {
        return new CancelSignal() {
            @Override
            public Registration onCancel(Runnable action) {
                Thread hook = new Thread(action, "harbor-upload-ctrl-c");
                Runtime.getRuntime().addShutdownHook(hook);
                return () -> {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // The hook is running or has run: there is nothing left to remove.
                    }
                };
            }

            /**
             * SIGINT handled here instead of by the JVM, which would start its shutdown at the first
             * press and ignore the second. Works for Ctrl-C on Windows consoles too (the JVM maps it to INT).
             */
            @Override
            public Registration onPause(Runnable pause, Runnable stop) {
                Signal interrupt = new Signal("INT");
                AtomicInteger presses = new AtomicInteger();
                SignalHandler before;
                try {
                    before = Signal.handle(interrupt, signal -> {
                        if (presses.incrementAndGet() == 1) {
                            new Thread(pause, "harbor-upload-pause").start();
                        } else {
                            stop.run();
                            System.exit(ExitCode.CANCELLED.code());
                        }
                    });
                } catch (IllegalArgumentException | UnsupportedOperationException taken) {
                    // A JVM that keeps SIGINT to itself (-Xrs): Ctrl-C pauses through the shutdown hook.
                    return onCancel(pause);
                }
                return () -> Signal.handle(interrupt, before);
            }
        };
    }
}
