package io.github.harborupload.ui.common;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Brings a node that has something to say into a scroll pane's view, as little as needed. */
public final class Scrolling {

    private Scrolling() {
    }

    /**
     * Once the node shows, scrolls it into view: a warning that appears below the fold in a small
     * window is not seen otherwise (issue 15, item 5).
     */
    public static void revealWhenShown(ScrollPane scroll, Node node) {
        node.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                // Once the change that showed it has run to its end.
                Platform.runLater(() -> reveal(scroll, node));
            }
        });
    }

    static void reveal(ScrollPane scroll, Node node) {
        // The node has just appeared, perhaps with others: lay them out now, not at the next pulse,
        // or the heights below are those from before.
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        double viewport = scroll.getViewportBounds().getHeight();
        double excess = content.getLayoutBounds().getHeight() - viewport;
        if (excess <= 0 || node.getScene() == null) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double range = scroll.getVmax() - scroll.getVmin();
        double top = (scroll.getVvalue() - scroll.getVmin()) / range * excess;
        double wanted = top;
        if (bounds.getMaxY() > top + viewport) {
            wanted = Math.min(bounds.getMaxY() - viewport, bounds.getMinY());
        } else if (bounds.getMinY() < top) {
            wanted = bounds.getMinY();
        }
        scroll.setVvalue(scroll.getVmin() + Math.max(0, Math.min(excess, wanted)) / excess * range);
    }
}
