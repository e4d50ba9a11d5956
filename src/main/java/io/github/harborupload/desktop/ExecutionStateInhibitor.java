package io.github.harborupload.desktop;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows: {@code SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)}. The state belongs to
 * the thread that set it, so each hold gets a thread of its own that sets it, waits for the release,
 * clears it and ends; the push's threads come and go and cannot carry it.
 */
final class ExecutionStateInhibitor implements SleepInhibitor {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStateInhibitor.class);
    static final String THREAD_NAME = "keep-awake";

    private final ExecutionState executionState;

    ExecutionStateInhibitor(ExecutionState executionState) {
        this.executionState = executionState;
    }

    @Override
    public Hold hold() {
        CountDownLatch released = new CountDownLatch(1);
        Thread holder = new Thread(() -> holdUntil(released), THREAD_NAME);
        // A hold never keeps the program from exiting; the system clears the state with the process.
        holder.setDaemon(true);
        holder.start();
        return released::countDown;
    }

    private void holdUntil(CountDownLatch released) {
        try {
            if (executionState.set(ExecutionState.ES_CONTINUOUS | ExecutionState.ES_SYSTEM_REQUIRED) == 0) {
                LOG.debug("Not keeping the computer awake: SetThreadExecutionState refused");
                return;
            }
            try {
                released.await();
            } catch (InterruptedException e) {
                // Nothing interrupts this thread but the program's end; the hold ends with it.
                Thread.currentThread().interrupt();
            }
            executionState.set(ExecutionState.ES_CONTINUOUS);
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Not keeping the computer awake: SetThreadExecutionState cannot be called ({})", e.toString());
        }
    }
}
