package io.github.harborupload.ui.shell;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Keeps a step's words whole in a small window: a wrapping label takes the lines it needs and a
 * button the width of its text, and the step scrolls instead. Without this, a 760×560 window cut
 * the Tag step's intro to "…as you …" and the saved-login button to "Use this…" (issue 15, item 4).
 */
final class WholeText {

    private WholeText() {
    }

    /** The step's view in a scroll pane that fills the window and scrolls below the view's minimum. */
    static ScrollPane scrolling(Parent view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("step-scroll");
        return scroll;
    }

    /** Gives every wrapping label and every button below {@code node} its preferred size as its minimum. */
    static void keep(Node node) {
        if (node instanceof Label label && label.isWrapText()) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        } else if (node instanceof ButtonBase button) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            keep(scroll.getContent());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(WholeText::keep);
        }
    }
}
