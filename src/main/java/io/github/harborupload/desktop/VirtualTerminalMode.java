package io.github.harborupload.desktop;

/** Turns on ANSI escape sequences in the Windows console the program writes to. */
interface VirtualTerminalMode {

    /** Whether escape sequences now work (they may have been on already, as in Windows Terminal). */
    boolean enable();
}
