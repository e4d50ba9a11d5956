package io.github.harborupload.ui.common;

import io.github.harborupload.problems.Severity;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The one way every step shows a failure: a short title, the likely causes, what to do, and the
 * technical detail behind a toggle with a copy button. Hidden while there is no problem.
 */
public final class ProblemPane extends VBox {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");

    private final ObjectProperty<ProblemView> problem = new SimpleObjectProperty<>(this, "problem");
    private final Label title = new Label();
    private final VBox causes = new VBox(2);
    private final VBox advice = new VBox(2);
    private final Label causesHeading;
    private final Label adviceHeading;
    private final TextArea detail = new TextArea();
    private final ToggleButton detailsToggle;
    private final HBox detailBar;

    public ProblemPane(ResourceBundle texts) {
        getStyleClass().add("problem-pane");
        setSpacing(6);
        title.getStyleClass().add("problem-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        causesHeading = heading(texts.getString("problem.causes"));
        adviceHeading = heading(texts.getString("problem.advice"));
        detailsToggle = new ToggleButton(texts.getString("problem.details"));
        detailsToggle.getStyleClass().add("small");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(4);
        detail.getStyleClass().add("problem-detail");
        detail.visibleProperty().bind(detailsToggle.selectedProperty());
        detail.managedProperty().bind(detail.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CopyButton copy = new CopyButton(texts, () -> problem.get() == null ? "" : problem.get().forClipboard());
        detailBar = new HBox(8, detailsToggle, spacer, copy);
        detailBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, causesHeading, causes, adviceHeading, advice, detailBar, detail);
        visibleProperty().bind(problem.isNotNull());
        managedProperty().bind(visibleProperty());
        problem.addListener((obs, old, now) -> render(now));
    }

    public ObjectProperty<ProblemView> problemProperty() {
        return problem;
    }

    public void show(ProblemView view) {
        problem.set(view);
    }

    public void clear() {
        problem.set(null);
    }

    private void render(ProblemView view) {
        if (view == null) {
            return;
        }
        pseudoClassStateChanged(WARNING, view.severity() == Severity.WARNING);
        pseudoClassStateChanged(INFO, view.severity() == Severity.INFO);
        title.setText(view.title());
        fill(causesHeading, causes, view.causes());
        fill(adviceHeading, advice, view.advice());
        detail.setText(view.detail());
        detailBar.setVisible(!view.detail().isBlank());
        detailBar.setManaged(detailBar.isVisible());
        detailsToggle.setSelected(false);
    }

    private static void fill(Label heading, VBox box, List<String> lines) {
        box.getChildren().setAll(lines.stream().map(ProblemPane::bullet).toList());
        heading.setVisible(!lines.isEmpty());
        heading.setManaged(!lines.isEmpty());
    }

    private static Label bullet(String line) {
        Label label = new Label("•  " + line);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("problem-heading");
        return label;
    }
}
