package io.github.harborupload.ui;

import io.github.harborupload.ui.push.LayerRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does with the wizard, in TestFX terms, and the waits a real engine needs. */
final class WizardRobot {

    private final FxRobot robot;

    WizardRobot(FxRobot robot) {
        this.robot = robot;
    }

    FxRobot fx() {
        return robot;
    }

    void click(String query) {
        robot.clickOn(query);
    }

    /** Puts the text on the clipboard and pastes it with Ctrl+V into the paste area, as a user does. */
    void paste(String text) {
        robot.interact(() -> {
            robot.lookup("#pasteArea").queryAs(TextArea.class).clear();
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
        });
        robot.clickOn("#pasteArea");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        // A paste that fills the fields clears itself; one that does not stays and says why.
        waitUntil(5, () -> !robot.lookup("#pasteArea").queryAs(TextArea.class).getText().isEmpty()
                || robot.lookup("#pasteFeedback").query().isVisible());
    }

    /** Finds the image in the list by typing its name in the search field, then clicks its line. */
    void chooseImage(String name) {
        waitUntil(30, () -> robot.lookup("#imageTable").tryQueryAs(TableView.class)
                .map(table -> !table.getItems().isEmpty()).orElse(false));
        robot.interact(() -> robot.lookup("#filterField").queryAs(TextInputControl.class).clear());
        robot.clickOn("#filterField").write(name);
        waitUntil(5, () -> robot.lookup("#imageTable").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn(robot.lookup("#imageTable .table-cell").match(LabeledMatchers.hasText(name)).<Node>query());
        waitUntil(5, () -> !robot.lookup("#repositoryField").queryAs(TextInputControl.class).getText().isEmpty());
    }

    /** Presses a dialog's button by its text (the wizard's own Cancel has the same text). */
    void clickDialogButton(String text) {
        waitUntil(30, () -> robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).<Node>query());
    }

    void replaceText(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).clear());
        robot.clickOn(query).write(text);
    }

    /** The push step's layer lines; none while that step is not shown yet. */
    @SuppressWarnings("unchecked")
    List<LayerRow> layerRows() {
        return read(() -> robot.lookup("#layerTable").tryQueryAs(TableView.class)
                .map(table -> List.<LayerRow>copyOf(table.getItems())).orElse(List.of()));
    }

    /** Each layer line's state as shown, by layer. */
    Map<String, String> layerStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (LayerRow row : layerRows()) {
            states.put(row.id(), read(() -> row.stateProperty().get()));
        }
        return states;
    }

    String text(String query) {
        return read(() -> robot.lookup(query).queryAs(TextInputControl.class).getText());
    }

    String label(String query) {
        return read(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Whether the node is shown: it and every node around it visible (a label's own flag stays true in a hidden box). */
    boolean visible(String query) {
        return read(() -> robot.lookup(query).tryQuery().map(WizardRobot::shown).orElse(false));
    }

    private static boolean shown(Node node) {
        for (Node link = node; link != null; link = link.getParent()) {
            if (!link.isVisible()) {
                return false;
            }
        }
        return true;
    }

    boolean disabled(String query) {
        return read(() -> robot.lookup(query).queryButton().isDisabled());
    }

    /** Whether the button is the step's main action: pressed by Enter and styled as primary (accent). */
    boolean mainAction(String query) {
        return read(() -> {
            Button button = robot.lookup(query).queryButton();
            return button.isDefaultButton() || button.getStyleClass().contains("accent");
        });
    }

    /** The numbers and ticks of the step header, in order. */
    List<String> stepCircles() {
        return read(() -> robot.lookup(".step-circle").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    /**
     * The step fits its window as a user needs it: Cancel, Back and Next inside the window, no
     * wrapping label shorter than its text, no button narrower than its label.
     */
    void assertWhole(Object step) {
        List<String> cut = read(() -> {
            Scene scene = robot.lookup("#nextButton").query().getScene();
            List<String> found = new ArrayList<>();
            for (String button : List.of("#cancelButton", "#backButton", "#nextButton")) {
                Node node = robot.lookup(button).query();
                Bounds bounds = node.localToScene(node.getBoundsInLocal());
                if (node.isVisible() && (bounds.getMaxY() > scene.getHeight() || bounds.getMaxX() > scene.getWidth())) {
                    found.add(button + " outside the window at " + bounds);
                }
            }
            for (Node node : robot.lookup(".step-content .label").queryAll()) {
                Label label = (Label) node;
                if (label.isVisible() && label.isWrapText() && !label.getText().isEmpty()
                        && label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
                    found.add("label cut: " + label.getText());
                }
            }
            for (Node node : robot.lookup(".step-content .button").queryAll()) {
                Labeled button = (Labeled) node;
                if (button.isVisible() && button.getWidth() + 0.5 < button.prefWidth(-1)) {
                    found.add("button cut: " + button.getText());
                }
            }
            return found;
        });
        if (!cut.isEmpty()) {
            throw new AssertionError(step + " at " + read(() -> robot.lookup("#nextButton").query().getScene().getWidth()) + ": " + cut);
        }
    }

    /** Whether the node shows within the scroll pane around it, not below its fold. */
    boolean inView(String query) {
        return read(() -> {
            Node node = robot.lookup(query).query();
            Parent scroll = node.getParent();
            while (!(scroll instanceof ScrollPane)) {
                scroll = scroll.getParent();
            }
            Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            return node.isVisible() && bounds.getMinY() >= shown.getMinY() && bounds.getMaxY() <= shown.getMaxY();
        });
    }

    String focusedId() {
        return read(() -> {
            Node focused = robot.lookup("#nextButton").queryAs(Button.class).getScene().getFocusOwner();
            return focused == null ? null : focused.getId();
        });
    }

    /** Reads JavaFX state on the FX thread (directly when already there, as inside a wait condition). */
    <T> T read(Callable<T> read) {
        try {
            return Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the UI", e);
        }
    }

    void waitUntil(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> read(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("the wizard did not get there within " + seconds + " s", e);
        }
    }

    /**
     * Waits until the node is shown. Its own visible flag is not enough: "#loginSucceeded" is a label
     * whose box is hidden until the login succeeds, so Next was clicked while still disabled.
     */
    void waitForVisible(long seconds, String query) {
        waitUntil(seconds, () -> visible(query));
    }
}
