package io.github.harborupload.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs slow work (engine and HTTP calls) off the FX thread and hands the outcome back on it.
 * The threads are daemons so a closing window never waits for a stuck call.
 */
public final class Background {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "wizard-background");
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    /** Starts {@code work}; exactly one of the callbacks runs later on the FX thread. */
    public static <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        EXECUTOR.execute(task);
        return task;
    }
}
