package io.github.harborupload.desktop;

/**
 * Windows' {@code SetThreadExecutionState}: tells the system that this thread needs it awake. An
 * interface so the tests on Linux can see which calls would be made, and from which thread.
 */
interface ExecutionState {

    /** The system must not sleep; with {@link #ES_CONTINUOUS}, until the thread says otherwise. */
    int ES_SYSTEM_REQUIRED = 0x00000001;
    /** The state set stays in force until the next call with this flag. */
    int ES_CONTINUOUS = 0x80000000;

    /**
     * @return the previous state, or 0 when the call failed
     * @throws LinkageError when the native call cannot be made (no kernel32: not Windows)
     */
    int set(int flags);
}
