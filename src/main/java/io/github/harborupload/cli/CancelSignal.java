package io.github.harborupload.cli;

/**
 * Ctrl-C, as a command sees it. While a push runs it registers what to do, so Ctrl-C cancels the
 * push in the engine before the process ends, instead of leaving the engine pushing alone.
 */
public interface CancelSignal {

    /** Runs {@code action} if the user presses Ctrl-C before the returned registration is closed. */
    Registration onCancel(Runnable action);

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
        return action -> {
            Thread hook = new Thread(action, "harbor-upload-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or has run: there is nothing left to remove.
                }
            };
        };
    }
}
