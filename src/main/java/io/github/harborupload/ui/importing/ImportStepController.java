package io.github.harborupload.ui.importing;

import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.platform.TaskType;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.platform.PlatformSignIn;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.Event;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/**
 * Step 5: the platform learns about the image — in one click with a platform session, confirmed by
 * listing the user's images; otherwise through the platform's own form, with every field ready to copy.
 * The actions and what sets the {@link ImportPage}, the properties ImportStep.fxml binds to
 * ({@code ${controller.page.…}}).
 */
public final class ImportStepController implements StepController {

    @FXML
    private TextField descriptionField;
    @FXML
    private Label descriptionReason;
    @FXML
    private ComboBox<TaskType> taskTypeBox;
    @FXML
    private Button importButton;
    @FXML
    private Hyperlink signInLink;
    @FXML
    private FlowPane tagsPane;
    @FXML
    private Label importedBanner;
    @FXML
    private ProblemPane problemPane;
    @FXML
    private TextField platformField;
    @FXML
    private Label platformReason;

    private final WizardContext context;
    private final UploadSession session;
    private final OneClickImport oneClick;
    private final ImportPage page;

    public ImportStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.oneClick = new OneClickImport(context);
        this.page = new ImportPage(oneClick.running());
    }

    @FXML
    private void initialize() {
        taskTypeBox.getItems().setAll(TaskType.values());
        taskTypeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskType type) {
                return type == null ? "" : context.text(type.label()) + "  (" + type.value() + ")";
            }

            @Override
            public TaskType fromString(String text) {
                return TaskType.fromValue(text).orElse(ImportStep.DEFAULT_TASK_TYPE);
            }
        });
        // Enter in the description would otherwise press the default Next and skip the import.
        descriptionField.setOnAction(Event::consume);
        descriptionField.textProperty().addListener((obs, old, now) -> {
            session.setDescription(now);
            revalidate();
        });
        taskTypeBox.valueProperty().addListener((obs, old, now) -> {
            session.setTaskType(now);
            page.taskTypeValueProperty().set(now == null ? "" : now.value());
        });
        platformField.setText(context.settings().platformAddress());
        platformField.textProperty().addListener((obs, old, now) -> revalidate());
    }

    @Override
    public void entered() {
        page.linkProperty().set(session.target().link());
        if (session.description().isEmpty()) {
            session.setDescription(ImportStep.proposeDescription(session));
        }
        descriptionField.setText(session.description());
        taskTypeBox.setValue(session.taskType());
        showTags();
        showPlatform();
        revalidate();
    }

    private void showPlatform() {
        page.signedInProperty().set(session.platform().isPresent());
        page.introProperty().set(context.text(page.isSignedIn() ? "import.intro.signedIn" : "import.intro"));
        page.importedProperty().set(session.imported());
        page.importedTextProperty().set(context.text(session.importUpdated() ? "import.updated" : "import.confirmed"));
    }

    /**
     * The platform form's tags, those used before for this repository and, once the platform
     * answers, those on the user's images, as its web form offers them; checked as last chosen.
     */
    private void showTags() {
        List<String> remembered = context.services().platformChoices().importTags(ImportStep.repositoryOf(session.target()));
        showTags(ImportStep.offeredTags(remembered, List.of()));
        session.platform().ifPresent(platform -> Background.of(platform::myImportedImages)
                .onSuccess(mine -> showTags(ImportStep.offeredTags(remembered, mine)))
                // Only more tags to offer: the import itself reports what is wrong with the platform.
                .onFailure(failure -> { })
                .executeWith(context.background()));
    }

    private void showTags(List<String> offered) {
        List<String> chosen = ImportStep.tagsFor(context.services(), session);
        tagsPane.getChildren().clear();
        for (String tag : offered) {
            CheckBox box = new CheckBox(tag);
            box.setId("importTag-" + tag);
            box.setSelected(chosen.contains(tag));
            box.selectedProperty().addListener((observable, was, now) -> session.setImportTags(tagsPane.getChildren().stream()
                    .map(CheckBox.class::cast).filter(CheckBox::isSelected).map(CheckBox::getText).toList()));
            tagsPane.getChildren().add(box);
        }
    }

    private void revalidate() {
        String description = descriptionField.getText();
        Optional<Text> problem = ImportStep.descriptionProblem(description);
        FieldReason.show(descriptionField, descriptionReason, problem.map(context::text).orElse(""), FieldReason.ERROR);
        page.descriptionLengthProperty().set(context.text("import.description.length",
                description.codePointCount(0, description.length()), ImportRequest.MAX_DESCRIPTION_LENGTH));
        Optional<Text> platform = ImportStep.platformAddressProblem(platformField.getText());
        FieldReason.show(platformField, platformReason, platform.map(context::text).orElse(""), FieldReason.ERROR);
        page.platformInvalidProperty().set(platform.isPresent());
        page.validProperty().set(problem.isEmpty());
    }

    @FXML
    private void signIn() {
        PlatformSignIn.ask(context, signInLink.getScene().getWindow()).ifPresent(platform -> {
            session.setPlatform(platform);
            showPlatform();
            importButton.requestFocus();
        });
    }

    @FXML
    private void importNow() {
        oneClick.start(problemPane, () -> {
            showPlatform();
            // The import button is disabled while it runs; without this, focus fell to the platform address.
            (session.imported() ? importedBanner : importButton).requestFocus();
        });
        showPlatform();
    }

    @FXML
    private void openPlatform() {
        String address = platformField.getText().trim();
        context.updateSettings(s -> s.withPlatformAddress(address));
        String images = ImportStep.imagesPage(address);
        // The system may have no browser to open, and says so only on the console: the page's
        // address stays here to copy (issue 15, item 10).
        page.openedPageProperty().set(images);
        context.openInBrowser(images);
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return page.validProperty();
    }

    @Override
    public ObservableBooleanValue nextIsMainAction() {
        return page.importIsMainProperty().not();
    }

    @Override
    public ObservableBooleanValue busy() {
        return oneClick.running();
    }

    @Override
    public void next(Runnable advance) {
        if (ImportStep.platformAddressProblem(platformField.getText()).isEmpty()) {
            context.updateSettings(s -> s.withPlatformAddress(platformField.getText().trim()));
        }
        advance.run();
    }

    @Override
    public Node initialFocus() {
        return descriptionField;
    }

    /** What the view binds to. */
    public ImportPage getPage() {
        return page;
    }
}
