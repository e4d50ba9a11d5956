package io.github.harborupload.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which progress a terminal gets (issue 16, item 3). */
class ProgressModeTest {

    @Test
    void aConsoleWithoutCursorMovesGetsPlainLinesEvenWhenTtyIsAsked() {
        // Issue 16, item 3: a classic Windows console where virtual terminal mode cannot be enabled
        // shows ESC[2A as text, so the in-place view would be garbage there.
        assertEquals(ProgressMode.PLAIN, ProgressMode.TTY.resolve(true, false));
        assertEquals(ProgressMode.TTY, ProgressMode.TTY.resolve(true, true));
        assertEquals(ProgressMode.NONE, ProgressMode.NONE.resolve(true, false));
        assertEquals(ProgressMode.TTY, ProgressMode.AUTO.resolve(true, true), "a console: tty");
        assertEquals(ProgressMode.PLAIN, ProgressMode.AUTO.resolve(false, true), "no console: plain");
    }
}
