package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Which progress a terminal gets (issue 16, item 3). */
class ProgressModeTest {

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aConsoleWithoutCursorMovesGetsPlainLinesEvenWhenTtyIsAsked() {
        // Issue 16, item 3: a classic Windows console where virtual terminal mode cannot be enabled
        // shows ESC[2A as text, so the in-place view would be garbage there.
        Terminal noCursor = new Terminal(new ByteArrayInputStream(new byte[0]), NOWHERE, NOWHERE, null, 80, false);
        Terminal withCursor = new Terminal(new ByteArrayInputStream(new byte[0]), NOWHERE, NOWHERE, null, 80, true);

        assertEquals(ProgressMode.PLAIN, ProgressMode.TTY.resolve(noCursor));
        assertEquals(ProgressMode.TTY, ProgressMode.TTY.resolve(withCursor));
        assertEquals(ProgressMode.NONE, ProgressMode.NONE.resolve(noCursor));
        assertEquals(ProgressMode.PLAIN, ProgressMode.AUTO.resolve(withCursor), "no console: plain");
    }
}
