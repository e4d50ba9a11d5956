package io.github.harborupload.ui.tag;

import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Rule;
import io.github.harborupload.reference.Validation;
import io.github.harborupload.reference.Violation;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.ProblemPane;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 3: a searchable list of local images, and the image's name in Harbor, checked as it is typed. */
public final class TagStepController implements StepController {

    @FXML
    private TextField filterField;
    @FXML
    private Label countLabel;
    @FXML
    private Button refreshButton;
    @FXML
    private TableView<ImageChoice> imageTable;
    @FXML
    private TableColumn<ImageChoice, String> nameColumn;
    @FXML
    private TableColumn<ImageChoice, String> idColumn;
    @FXML
    private TableColumn<ImageChoice, Long> sizeColumn;
    @FXML
    private TableColumn<ImageChoice, Instant> createdColumn;
    @FXML
    private VBox targetForm;
    @FXML
    private HBox workingBox;
    @FXML
    private VBox problemBox;
    @FXML
    private Button pushAnywayButton;
    @FXML
    private TextField projectField;
    @FXML
    private Label projectReason;
    @FXML
    private TextField repositoryField;
    @FXML
    private Label repositoryReason;
    @FXML
    private TextField tagField;
    @FXML
    private Label tagReason;
    @FXML
    private HBox linkBox;
    @FXML
    private TextField linkField;
    @FXML
    private Label linkLength;
    @FXML
    private Label linkReason;

    private final WizardContext context;
    private final UploadSession session;
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;
    private BeforePush beforePush;
    private LocalImages localImages;

    public TagStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("tagProblem");
        problemBox.getChildren().add(0, problemPane);
        beforePush = new BeforePush(context, problemPane, pushAnywayButton, tagField);
        linkBox.getChildren().add(new CopyButton(context.texts(), linkField::getText));
        ((VBox) linkReason.getParent()).getChildren().add(new PushMethodBox(context));

        ImageColumns.fill(context, nameColumn, idColumn, sizeColumn, createdColumn);
        localImages = new LocalImages(context, imageTable, filterField, countLabel, problemPane);
        refreshButton.disableProperty().bind(localImages.loading());
        // Tagging and Harbor's checks take a moment after Next; the window says it is at work.
        workingBox.visibleProperty().bind(beforePush.working());

        imageTable.getSelectionModel().selectedItemProperty().addListener((obs, old, image) -> {
            if (image != null && !image.equals(session.image().orElse(null))) {
                TagStep.propose(session, image);
                showTargetFields();
            }
        });
        projectField.textProperty().addListener((obs, old, now) -> {
            session.setProject(now);
            revalidate();
        });
        repositoryField.textProperty().addListener((obs, old, now) -> {
            session.setRepository(now);
            revalidate();
        });
        tagField.textProperty().addListener((obs, old, now) -> {
            session.setTag(now);
            revalidate();
        });
        showTargetFields();
    }

    @Override
    public void entered() {
        // The login may have changed since the last visit (Back, another account).
        TagStep.followLogin(session);
        if (session.image().isEmpty()) {
            imageTable.getSelectionModel().clearSelection();
        }
        showTargetFields();
        // Again on each visit: the list changes outside the wizard (a build, the tag just made).
        refresh();
    }

    @FXML
    private void refresh() {
        localImages.refresh();
    }

    private void showTargetFields() {
        projectField.setText(session.project());
        repositoryField.setText(session.repository());
        tagField.setText(session.tag());
        revalidate();
    }

    private void revalidate() {
        HarborTarget target = session.target();
        // Until an image is chosen there is nothing to name: no red text for empty fields yet.
        boolean chosen = session.image().isPresent();
        targetForm.setDisable(!chosen);
        Validation validation = chosen ? target.validate() : new Validation(List.of());
        showReason(projectField, projectReason, validation, Rule.Part.PROJECT);
        if (!projectReason.isVisible() && !session.project().isEmpty() && TagStep.isOtherProject(session, session.accountName())) {
            FieldReason.show(projectField, projectReason,
                    context.text("tag.project.other", HarborTarget.projectFor(session.accountName())), FieldReason.WARNING);
        }
        showReason(repositoryField, repositoryReason, validation, Rule.Part.REPOSITORY);
        showReason(tagField, tagReason, validation, Rule.Part.TAG);
        showReason(linkField, linkReason, validation, Rule.Part.LINK);
        linkField.setText(chosen ? target.link() : "");
        linkLength.setText(chosen ? context.text("tag.link.length", target.link().length(), HarborTarget.MAX_LINK_LENGTH) : "");
        valid.set(chosen && validation.isValid());
    }

    private void showReason(TextField field, Label label, Validation validation, Rule.Part part) {
        List<Violation> about = validation.about(part);
        Optional<Violation> first = about.stream().filter(Violation::isError).findFirst()
                .or(() -> about.stream().findFirst());
        FieldReason.show(field, label, first.map(v -> context.text(v.message())).orElse(""),
                first.map(v -> v.isError() ? FieldReason.ERROR : FieldReason.WARNING).orElse(FieldReason.OK));
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return valid;
    }

    @Override
    public ObservableBooleanValue busy() {
        return localImages.loading().or(beforePush.working());
    }

    /** Asks Harbor about room and tag, puts the questions, tags; then the push step. */
    @Override
    public void next(Runnable advance) {
        beforePush.start(advance);
    }

    @FXML
    private void pushAnyway() {
        beforePush.pushAnyway();
    }

    @Override
    public Node initialFocus() {
        return filterField;
    }
}
