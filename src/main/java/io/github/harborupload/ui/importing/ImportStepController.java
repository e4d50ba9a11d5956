package io.github.harborupload.ui.importing;

import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.FieldReason;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Step 5: the fields of the platform's import form, ready to copy, and the way to that form. */
public final class ImportStepController implements StepController {

    @FXML
    private HBox linkBox;
    @FXML
    private TextField linkField;
    @FXML
    private HBox descriptionBox;
    @FXML
    private TextField descriptionField;
    @FXML
    private Label descriptionLength;
    @FXML
    private Label descriptionReason;
    @FXML
    private HBox taskTypeRow;
    @FXML
    private ComboBox<String> taskTypeBox;
    @FXML
    private TextField platformField;
    @FXML
    private Button openPlatformButton;
    @FXML
    private Label platformReason;

    private final WizardContext context;
    private final UploadSession session;
    private final BooleanProperty valid = new SimpleBooleanProperty(false);

    public ImportStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
    }

    @FXML
    private void initialize() {
        linkBox.getChildren().add(new CopyButton(context.texts(), linkField::getText));
        descriptionBox.getChildren().add(new CopyButton(context.texts(), descriptionField::getText));
        taskTypeRow.getChildren().add(new CopyButton(context.texts(), taskTypeBox::getValue));
        taskTypeBox.getItems().setAll(ImportStep.TASK_TYPES);
        taskTypeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return type == null ? "" : context.text("taskType." + type) + "  (" + type + ")";
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        descriptionField.textProperty().addListener((obs, old, now) -> {
            session.setDescription(now);
            revalidate();
        });
        taskTypeBox.valueProperty().addListener((obs, old, now) -> session.setTaskType(now));
        platformField.setText(context.settings().platformAddress());
        platformField.textProperty().addListener((obs, old, now) -> revalidate());
    }

    @Override
    public void entered() {
        linkField.setText(session.target().link());
        if (session.description().isEmpty()) {
            session.setDescription(ImportStep.proposeDescription(session));
        }
        descriptionField.setText(session.description());
        taskTypeBox.setValue(session.taskType());
        revalidate();
    }

    private void revalidate() {
        String description = descriptionField.getText();
        Optional<Text> problem = ImportStep.descriptionProblem(description);
        FieldReason.show(descriptionField, descriptionReason, problem.map(context::text).orElse(""), FieldReason.ERROR);
        descriptionLength.setText(context.text("import.description.length",
                description.codePointCount(0, description.length()), ImportStep.MAX_DESCRIPTION_LENGTH));
        Optional<Text> platform = ImportStep.platformAddressProblem(platformField.getText());
        FieldReason.show(platformField, platformReason, platform.map(context::text).orElse(""), FieldReason.ERROR);
        openPlatformButton.setDisable(platform.isPresent());
        valid.set(problem.isEmpty());
    }

    @FXML
    private void openPlatform() {
        String address = platformField.getText().trim();
        context.updateSettings(s -> s.withPlatformAddress(address));
        context.openInBrowser(ImportStep.imagesPage(address));
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return valid;
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
}
