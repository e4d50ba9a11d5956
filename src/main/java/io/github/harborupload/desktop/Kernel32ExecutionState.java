package io.github.harborupload.desktop;

import com.sun.jna.Native;
import com.sun.jna.win32.StdCallLibrary;

/** The real {@code SetThreadExecutionState}, through JNA. kernel32 is loaded on the first call, so other systems never load it. */
final class Kernel32ExecutionState implements ExecutionState {

    /** The one function of kernel32 this program calls. */
    interface Kernel32 extends StdCallLibrary {
        int SetThreadExecutionState(int esFlags);
    }

    /** Loaded when first used (the holder idiom), so a failure to load surfaces in {@link #set} as a LinkageError. */
    private static final class Library {
        static final Kernel32 KERNEL32 = Native.load("kernel32", Kernel32.class);
    }

    @Override
    public int set(int flags) {
        return Library.KERNEL32.SetThreadExecutionState(flags);
    }
}
