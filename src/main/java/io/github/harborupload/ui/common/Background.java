package io.github.harborupload.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Slow work (engine and HTTP calls) off the FX thread, its outcome handed back on it, in JabRef's
 * shape: {@code Background.of(work).onFinished(…).onSuccess(…).onFailure(…).executeWith(executor)}.
 * {@code onFinished} runs first either way, so a busy flag is reset in one place, not in each
 * callback; the executor comes from the caller, so a test can run the work where it likes.
 *
 * @param <T> what the work returns
 */
public final class Background<T> {

    /** Daemon threads, so a closing window never waits for a stuck call. */
    public static final Executor DAEMONS = daemons();

    private final Callable<T> work;
    private Runnable onFinished = () -> {
    };
    private Consumer<T> onSuccess = value -> {
    };
    private Consumer<Throwable> onFailure = failure -> {
    };

    private Background(Callable<T> work) {
        this.work = work;
    }

    public static <T> Background<T> of(Callable<T> work) {
        return new Background<>(work);
    }

    /** Runs on the FX thread when the work ends, before {@link #onSuccess} or {@link #onFailure}. */
    public Background<T> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    public Background<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public Background<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    /** Starts the work; {@code onFinished} and then exactly one of the other two run later on the FX thread. */
    public Task<T> executeWith(Executor executor) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            onFinished.run();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            onFinished.run();
            onFailure.accept(task.getException());
        });
        executor.execute(task);
        return task;
    }

    private static ExecutorService daemons() {
        return Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "wizard-background");
            thread.setDaemon(true);
            return thread;
        });
    }
}
