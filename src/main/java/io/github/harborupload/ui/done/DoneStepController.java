package io.github.harborupload.ui.done;

import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.OpenedPage;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.history.HistoryLinks;
import io.github.harborupload.ui.importing.OneClickImport;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Step 6: what was pushed where, with copy buttons, and the way to the next image. */
public final class DoneStepController implements StepController {

    @FXML
    private Label importedLabel;
    @FXML
    private GridPane summary;
    @FXML
    private Button anotherButton;
    @FXML
    private HBox importRow;
    @FXML
    private Button importButton;
    @FXML
    private ProgressIndicator importing;
    @FXML
    private VBox problemBox;
    @FXML
    private Button openPlatformButton;
    @FXML
    private VBox linksBox;

    private final WizardContext context;
    private final UploadSession session;

    private final OneClickImport oneClick;
    /** Passed by unimported with a platform session: the import, not Close, is the main action. */
    private final BooleanProperty importOffered = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;
    private OpenedPage platformPage;
    /** Whether the view says the image is imported: an import from the list of earlier uploads may change it. */
    private boolean shownImported;

    public DoneStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.oneClick = new OneClickImport(context);
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("doneProblem");
        problemBox.getChildren().add(problemPane);
        platformPage = new OpenedPage(context, "donePlatformOpened");
        // The address to copy appears below the links, so that they stay where they were.
        linksBox.getChildren().addAll(new HistoryLinks(context, this::importedMeanwhile), platformPage);
        openPlatformButton.setDisable(ImportStep.platformAddressProblem(context.settings().platformAddress()).isPresent());
        importButton.disableProperty().bind(oneClick.running());
        importButton.defaultButtonProperty().bind(importOffered);
        importRow.visibleProperty().bind(importOffered);
        importing.visibleProperty().bind(oneClick.running());
    }

    @Override
    public void entered() {
        summary.getChildren().clear();
        int row = 0;
        row = addRow(row, "done.source", session.image().map(ImageChoice::name).orElse(""), false);
        row = addRow(row, "done.link", session.target().link(), true);
        row = addRow(row, "done.size", session.image().map(choice -> Sizes.bytes(choice.image().size())).orElse(""), false);
        PushResult result = session.pushResult().orElse(null);
        if (result != null) {
            row = addRow(row, "done.digest", result.digest(), true);
        }
        row = addRow(row, "done.description", session.description(), true);
        addRow(row, "done.taskType", session.taskType().value(), true);
        importedLabel.setText(context.text(session.imported() ? (session.importUpdated() ? "done.updated" : "done.imported")
                : session.platform().isPresent() ? "done.notImported.signedIn" : "done.notImported"));
        // Passed by unimported with a platform session: the one click is offered here too.
        importOffered.set(!session.imported() && session.platform().isPresent());
        shownImported = session.imported();
    }

    private int addRow(int row, String labelKey, String value, boolean copyable) {
        Label label = new Label(context.text(labelKey));
        TextField field = new TextField(value);
        field.setEditable(false);
        field.getStyleClass().add("mono");
        field.setId("summary-" + labelKey.substring(labelKey.indexOf('.') + 1));
        HBox line = new HBox(8, field);
        HBox.setHgrow(field, Priority.ALWAYS);
        if (copyable) {
            line.getChildren().add(new CopyButton(context.texts(), field::getText));
        }
        summary.addRow(row, label, line);
        return row + 1;
    }

    @FXML
    private void importNow() {
        oneClick.start(problemPane, () -> {
            if (session.imported()) {
                // Shown again, so that the header ticks the import and Back no longer leads to it.
                context.goTo(Step.DONE);
            }
        });
    }

    /** This image imported from the list of earlier uploads: shown again, as after the import here. */
    private void importedMeanwhile() {
        if (session.imported() && !shownImported) {
            context.goTo(Step.DONE);
        }
    }

    @Override
    public ObservableBooleanValue nextIsMainAction() {
        return importOffered.not();
    }

    @Override
    public ObservableBooleanValue busy() {
        return oneClick.running();
    }

    /** The platform's image list, where the imported image is (or its import form, while it is not). */
    @FXML
    private void openPlatform() {
        platformPage.open(ImportStep.imagesPage(context.settings().platformAddress()));
    }

    @FXML
    private void uploadAnother() {
        session.startAnotherImage();
        context.goTo(Step.TAG);
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return new ReadOnlyBooleanWrapper(true);
    }

    @Override
    public Node initialFocus() {
        return importOffered.get() ? importButton : anotherButton;
    }
}
