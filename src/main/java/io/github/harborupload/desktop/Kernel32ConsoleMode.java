package io.github.harborupload.desktop;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * {@code SetConsoleMode(ENABLE_VIRTUAL_TERMINAL_PROCESSING)} on the standard output, through JNA;
 * Windows 10 1511 and later understand it, older ones refuse the flag. kernel32 is loaded on the
 * first call, so other systems never load it.
 */
final class Kernel32ConsoleMode implements VirtualTerminalMode {

    private static final int STD_OUTPUT_HANDLE = -11;
    private static final int ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004;

    /** The three functions of kernel32 this class calls. */
    interface Kernel32 extends StdCallLibrary {
        Pointer GetStdHandle(int handle);

        boolean GetConsoleMode(Pointer console, IntByReference mode);

        boolean SetConsoleMode(Pointer console, int mode);
    }

    private static final class Library {
        static final Kernel32 KERNEL32 = Native.load("kernel32", Kernel32.class);
    }

    @Override
    public boolean enable() {
        Kernel32 kernel32 = Library.KERNEL32;
        Pointer output = kernel32.GetStdHandle(STD_OUTPUT_HANDLE);
        IntByReference mode = new IntByReference();
        if (output == null || !kernel32.GetConsoleMode(output, mode)) {
            return false;
        }
        return (mode.getValue() & ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
                || kernel32.SetConsoleMode(output, mode.getValue() | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
    }
}
