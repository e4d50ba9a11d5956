package io.github.harborupload.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * All the text the wizard's windows hold, shown or behind a toggle (a problem's details, a
 * tooltip): what a screenshot, or a copy of the details, could carry. Read on the FX thread.
 * Password fields draw bullets; the field that reveals the password on request is left out, and
 * so is any node whose id the caller names.
 */
final class SceneText {

    private SceneText() {
    }

    static String of(String... leftOut) {
        List<String> texts = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.getTitle() != null) {
                texts.add(stage.getTitle());
            }
            if (window.getScene() != null) {
                collect(window.getScene().getRoot(), List.of(leftOut), texts);
            }
        }
        return String.join("\n", texts);
    }

    private static void collect(Node node, List<String> leftOut, List<String> texts) {
        if (node.getId() != null && (leftOut.contains(node.getId()) || node.getId().equals("passwordShown"))) {
            return;
        }
        if (node instanceof PasswordField) {
            return;
        }
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
            Tooltip tooltip = labeled.getTooltip();
            if (tooltip != null) {
                texts.add(tooltip.getText());
            }
        } else if (node instanceof TextInputControl input) {
            texts.add(input.getText());
        } else if (node instanceof Text text) {
            texts.add(text.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, leftOut, texts);
            }
        }
    }
}
