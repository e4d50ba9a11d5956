package io.github.harborupload.ui.common;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keeps every control reachable with the keyboard alone. */
public final class KeyboardTraversal {

    private KeyboardTraversal() {
    }

    /**
     * Tab in a text area normally types a tab and traps the keyboard user there. Pasted text keeps
     * its tabs (they come from the clipboard); the Tab key moves to the next control, as Ctrl+Tab
     * does in a text area.
     */
    public static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB,
                        event.isShiftDown(), true, false, false));
            }
        });
    }
}
