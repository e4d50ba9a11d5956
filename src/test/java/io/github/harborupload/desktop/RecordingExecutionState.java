package io.github.harborupload.desktop;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Stands in for kernel32's SetThreadExecutionState: records each call's flags and calling thread. */
final class RecordingExecutionState implements ExecutionState {

    record Call(int flags, Thread thread) {
    }

    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final int answer;

    /** @param answer what every call returns: the previous state, or 0 for a failed call */
    RecordingExecutionState(int answer) {
        this.answer = answer;
    }

    @Override
    public int set(int flags) {
        calls.add(new Call(flags, Thread.currentThread()));
        return answer;
    }

    /** The next call, waiting for it as the holding thread makes it. */
    Call next() throws InterruptedException {
        Call call = calls.poll(5, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no call to SetThreadExecutionState within 5 s");
        }
        return call;
    }
}
