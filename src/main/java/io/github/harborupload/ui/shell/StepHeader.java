package io.github.harborupload.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The row of numbered steps at the top: where the user is, what is done, what comes. */
final class StepHeader extends HBox {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final List<VBox> markers = new ArrayList<>();
    private final List<Label> circles = new ArrayList<>();

    private final String currentSuffix;

    StepHeader(List<String> names, String currentSuffix) {
        this.currentSuffix = currentSuffix;
        getStyleClass().add("step-header");
        setAlignment(Pos.CENTER);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                Region line = new Region();
                line.getStyleClass().add("step-line");
                HBox.setHgrow(line, Priority.ALWAYS);
                getChildren().add(line);
            }
            Label circle = new Label(String.valueOf(i + 1));
            circle.getStyleClass().add("step-circle");
            Label name = new Label(names.get(i));
            name.getStyleClass().add("step-name");
            VBox marker = new VBox(4, circle, name);
            marker.setAlignment(Pos.CENTER);
            marker.getStyleClass().add("step-marker");
            markers.add(marker);
            circles.add(circle);
            getChildren().add(marker);
        }
    }

    /** Marks the current step, and ticks those in {@code done} (a step passed by is not ticked). */
    void show(int current, List<Boolean> done) {
        for (int i = 0; i < markers.size(); i++) {
            VBox marker = markers.get(i);
            marker.pseudoClassStateChanged(CURRENT, i == current);
            marker.pseudoClassStateChanged(DONE, done.get(i));
            circles.get(i).setText(done.get(i) ? "✓" : String.valueOf(i + 1));
            marker.setAccessibleText(((Label) marker.getChildren().get(1)).getText()
                    + (i == current ? " " + currentSuffix : ""));
        }
    }
}
