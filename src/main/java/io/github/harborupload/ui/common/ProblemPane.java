package io.github.harborupload.ui.common;

import io.github.harborupload.problems.Severity;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
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
    private final Label causesHeading = heading();
    private final Label adviceHeading = heading();
    private final TextArea detail = new TextArea();
    private final ToggleButton detailsToggle = new ToggleButton();
    private final CopyButton copy = new CopyButton();
    private final HBox detailBar;
    private ResourceBundle texts;

    /**
     * For FXML, which sets the texts as a property ({@code <ProblemPane texts="$resources"/>}): a
     * control it builds through a constructor with arguments cannot have its problem bound.
     */
    public ProblemPane() {
        getStyleClass().add("problem-pane");
        setSpacing(6);
        title.getStyleClass().add("problem-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        detailsToggle.getStyleClass().add("small");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(4);
        detail.getStyleClass().add("problem-detail");
        detail.visibleProperty().bind(detailsToggle.selectedProperty());
        detail.managedProperty().bind(detail.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        copy.contentProperty().bind(Bindings.createStringBinding(
                () -> problem.get() == null ? "" : problem.get().forClipboard(), problem));
        detailBar = new HBox(8, detailsToggle, spacer, copy);
        detailBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, causesHeading, causes, adviceHeading, advice, detailBar, detail);
        visibleProperty().bind(problem.isNotNull());
        managedProperty().bind(visibleProperty());
        problem.addListener((obs, old, now) -> render(now));
    }

    public ProblemPane(ResourceBundle texts) {
        this();
        setTexts(texts);
    }

    public ResourceBundle getTexts() {
        return texts;
    }

    /** The bundle its headings and buttons are named from: the UI's ({@code $resources} in FXML). */
    public void setTexts(ResourceBundle texts) {
        this.texts = texts;
        causesHeading.setText(texts.getString("problem.causes"));
        adviceHeading.setText(texts.getString("problem.advice"));
        detailsToggle.setText(texts.getString("problem.details"));
        copy.setTexts(texts);
    }

    public ObjectProperty<ProblemView> problemProperty() {
        return problem;
    }

    /** The problem shown; null while there is none. FXML reads the property's type from here. */
    public ProblemView getProblem() {
        return problem.get();
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

    private static Label heading() {
        Label label = new Label();
        label.getStyleClass().add("problem-heading");
        return label;
    }
}
