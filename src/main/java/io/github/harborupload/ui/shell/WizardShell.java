package io.github.harborupload.ui.shell;

import io.github.harborupload.flow.Step;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.DialogService;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Side;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The frame around the steps: the step header, the current step's view, and Back / Next / Cancel.
 * Enter presses Next (the default button) and Esc presses Cancel.
 */
public final class WizardShell {

    private static final String ACCENT = "accent";

    @FXML
    private BorderPane root;
    @FXML
    private VBox headerBox;
    @FXML
    private MenuButton languageMenu;
    @FXML
    private StackPane content;
    @FXML
    private Button cancelButton;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;

    private final WizardContext context;
    private final Runnable closeWindow;
    private final Consumer<Optional<Language>> languageChosen;
    private final Map<Step, StepView> views = new EnumMap<>(Step.class);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ToggleGroup languages = new ToggleGroup();
    private final ChangeListener<Boolean> nextListener =
            (obs, wasDisabled, disabled) -> focusNextWhenAllowed(!disabled);
    private StepHeader header;
    private Step current;

    WizardShell(WizardContext context, Runnable closeWindow, Consumer<Optional<Language>> languageChosen) {
        this.context = context;
        this.closeWindow = closeWindow;
        this.languageChosen = languageChosen;
    }

    BorderPane load() {
        BorderPane loaded = StepView.loadShell("/io/github/harborupload/ui/shell/Wizard.fxml", context, this, BorderPane.class);
        WholeText.keep(loaded);
        return loaded;
    }

    @FXML
    private void initialize() {
        header = new StepHeader(Arrays.stream(Step.values())
                .map(step -> context.text("step." + step.name().toLowerCase())).toList(),
                context.text("step.current"));
        headerBox.getChildren().add(header);
        languageMenu.setText(context.translator().language().ownName());
        languageMenu.getItems().setAll(
                languageItem(Language.ENGLISH.ownName(), Optional.of(Language.ENGLISH)),
                languageItem(Language.CHINESE.ownName(), Optional.of(Language.CHINESE)),
                languageItem(context.text("language.system"), Optional.empty()));
        languageMenu.disableProperty().bind(busy);
        // At the window's right edge a menu opening below would spill past it; to the left it stays inside.
        languageMenu.setPopupSide(Side.LEFT);
        nextButton.disableProperty().addListener(nextListener);
        // Next looks like the main action only when it is one (the import step's own button may be).
        nextButton.defaultButtonProperty().addListener((obs, was, main) -> {
            nextButton.getStyleClass().remove(ACCENT);
            if (main) {
                nextButton.getStyleClass().add(ACCENT);
            }
        });
    }

    /** One choice of the language menu, ticked when it is the one chosen (none chosen: the system's). */
    private MenuItem languageItem(String name, Optional<Language> language) {
        RadioMenuItem item = new RadioMenuItem(name);
        item.setToggleGroup(languages);
        item.setSelected(context.settings().language().equals(language.map(Language::code).orElse("")));
        item.setOnAction(e -> languageChosen.accept(language));
        return item;
    }

    public Step current() {
        return current;
    }

    /** Shows a step; its view is loaded the first time and kept while the language stays. */
    public void show(Step step) {
        StepView view = views.computeIfAbsent(step, s -> StepView.load(s, context));
        current = step;
        content.getChildren().setAll(view.root());
        // A step's scroll pane puts the view into the scene only when it gets its skin, at the next
        // pulse; now, so that the step's initial focus can land.
        content.applyCss();
        header.show(step.ordinal(), Arrays.stream(Step.values()).map(s -> s.happenedBefore(step, context.session())).toList());
        StepController controller = view.controller();
        busy.bind(controller.busy());
        nextButton.disableProperty().bind(Bindings.not(controller.nextAllowed()).or(controller.busy()));
        nextButton.defaultButtonProperty().bind(controller.nextIsMainAction());
        backButton.setVisible(step.back(context.session()).isPresent());
        backButton.disableProperty().bind(controller.busy());
        nextButton.setText(context.text(step == Step.DONE ? "button.close" : "button.next"));
        cancelButton.setVisible(step != Step.DONE);
        controller.entered();
        Platform.runLater(() -> Optional.ofNullable(controller.initialFocus()).orElse(nextButton).requestFocus());
    }

    /**
     * When Next becomes possible after background work (a login check), focus moves to it if it
     * would otherwise rest on Cancel, so that Enter continues instead of closing the window.
     */
    private void focusNextWhenAllowed(boolean allowed) {
        if (allowed && !nextButton.isDisabled() && (cancelButton.isFocused() || root.getScene().getFocusOwner() == null)) {
            nextButton.requestFocus();
        }
    }

    /** Whether work runs that closing the window would interrupt. */
    public boolean isBusy() {
        return busy.get();
    }

    public StepController currentController() {
        return views.get(current).controller();
    }

    @FXML
    private void onNext() {
        if (current == Step.DONE) {
            closeWindow.run();
            return;
        }
        Step from = current;
        currentController().next(() -> from.next().ifPresent(this::show));
    }

    @FXML
    private void onBack() {
        current.back(context.session()).ifPresent(this::show);
    }

    @FXML
    private void onCancel() {
        if (!currentController().cancel() && (!current.quittingLosesWork(context.session()) || confirmQuit())) {
            closeWindow.run();
        }
    }

    /** Esc is easy to press by accident: closing the wizard asks first. */
    private boolean confirmQuit() {
        return context.dialogs().confirm(root.getScene().getWindow(), new DialogService.Question(Alert.AlertType.CONFIRMATION,
                context.text("quit.title"), context.text("quit.text"), context.text("quit.stay"), context.text("quit.quit")));
    }

    /** Stops every view's timers before the shell is thrown away. */
    void dispose() {
        views.values().forEach(view -> view.controller().dispose());
        views.clear();
    }
}
