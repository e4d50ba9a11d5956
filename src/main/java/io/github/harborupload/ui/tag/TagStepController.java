package io.github.harborupload.ui.tag;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.Preflight;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Rule;
import io.github.harborupload.reference.Validation;
import io.github.harborupload.reference.Violation;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.FieldReason;
import io.github.harborupload.ui.common.ProblemPane;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
    private final TagStep step;
    private final PushPreparation preparation;
    private final ObservableList<ImageChoice> images = FXCollections.observableArrayList();
    private final FilteredList<ImageChoice> shown = new FilteredList<>(images);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty tagging = new SimpleBooleanProperty(false);
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private ProblemPane problemPane;
    /** What Next does once the user has read the quota warning and chose to push anyway. */
    private Runnable afterQuotaWarning;

    public TagStepController(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.step = context.tagStep();
        this.preparation = context.pushPreparation();
    }

    @FXML
    private void initialize() {
        problemPane = new ProblemPane(context.texts());
        problemPane.setId("tagProblem");
        problemBox.getChildren().add(0, problemPane);
        linkBox.getChildren().add(new CopyButton(context.texts(), linkField::getText));
        ((VBox) linkReason.getParent()).getChildren().add(new PushMethodBox(context));

        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        nameColumn.setCellFactory(column -> nameCell());
        idColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().image().shortId()));
        sizeColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().image().size()));
        sizeColumn.setCellFactory(column -> textCell(Sizes::bytes));
        createdColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().image().created()));
        createdColumn.setCellFactory(column -> textCell(created -> context.text(Times.age(created, Instant.now()))));
        imageTable.setItems(shown);
        imageTable.setPlaceholder(new Label(context.text("tag.empty")));
        refreshButton.disableProperty().bind(loading);
        // Tagging and Harbor's checks take a moment after Next; the window says it is at work.
        workingBox.visibleProperty().bind(tagging);

        filterField.setText(session.imageFilter());
        filterField.textProperty().addListener((obs, old, now) -> {
            session.setImageFilter(now);
            shown.setPredicate(TagStep.matching(now));
            showCount();
        });
        shown.setPredicate(TagStep.matching(session.imageFilter()));
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

    /** A cell showing the value as text. */
    private <T> TableCell<ImageChoice, T> textCell(java.util.function.Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                showText(this, empty || value == null ? null : format.apply(value));
            }
        };
    }

    /** The image's name, marked when it is the tag an earlier upload left rather than the image's own. */
    private TableCell<ImageChoice, String> nameCell() {
        TableCell<ImageChoice, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                showText(this, empty ? null : name);
                ImageChoice row = getTableRow() == null ? null : getTableRow().getItem();
                setGraphic(!empty && row != null && TagStep.isEarlierUpload(session, row) ? uploadedMark() : null);
            }
        };
        cell.setContentDisplay(ContentDisplay.RIGHT);
        return cell;
    }

    private Label uploadedMark() {
        Label mark = new Label(context.text("tag.uploaded"));
        mark.getStyleClass().add("muted");
        return mark;
    }

    /** The text, whole in a tooltip for when a narrow window cuts the cell. */
    private static void showText(TableCell<ImageChoice, ?> cell, String text) {
        cell.setText(text);
        cell.setTooltip(text == null ? null : new Tooltip(text));
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
        loading.set(true);
        problemPane.clear();
        countLabel.setText(context.text("tag.loading"));
        Background.of(step::listImages)
                .onFinished(() -> loading.set(false))
                .onSuccess(list -> {
                    images.setAll(list);
                    showCount();
                    reselect();
                })
                .onFailure(failure -> {
                    countLabel.setText("");
                    problemPane.show(context.view(Problems.of(failure)));
                })
                .executeWith(context.background());
    }

    private void reselect() {
        session.image().flatMap(chosen -> images.stream().filter(chosen::sameLine).findFirst())
                .ifPresent(image -> {
                    // The fresh line (a push has added a tag since), so selecting it proposes nothing new.
                    session.setImage(image);
                    imageTable.getSelectionModel().select(image);
                    imageTable.scrollTo(image);
                });
    }

    private void showCount() {
        countLabel.setText(context.text("tag.count", shown.size(), images.size()));
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
        if (!projectReason.isVisible() && !session.project().isEmpty() && TagStep.isOtherProject(session, username())) {
            FieldReason.show(projectField, projectReason,
                    context.text("tag.project.other", HarborTarget.projectFor(username())), FieldReason.WARNING);
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

    private String username() {
        return session.accountName();
    }

    @Override
    public ObservableBooleanValue nextAllowed() {
        return valid;
    }

    @Override
    public ObservableBooleanValue busy() {
        return tagging.or(loading);
    }

    /**
     * Asks Harbor whether there is room and whether the tag is taken, so that neither surprises the
     * user half-way through a long push; then puts the plan's questions, and tags once all are agreed.
     */
    @Override
    public void next(Runnable advance) {
        ImageChoice image = session.image().orElseThrow();
        HarborTarget target = session.target();
        Credential credential = session.credential().orElseThrow();
        tagging.set(true);
        problemPane.clear();
        pushAnywayButton.setVisible(false);
        Background.of(() -> preparation.check(image, target, credential, session.platform()))
                .onFinished(() -> tagging.set(false))
                .onSuccess(plan -> {
                    session.setPush(null);
                    answer(plan, plan.questions(), advance);
                })
                .onFailure(this::showFailure)
                .executeWith(context.background());
    }

    /** Puts the first of the questions left; each yes moves on to the next, and the last to the tag. */
    private void answer(PushPreparation.Plan plan, List<PushPreparation.Question> left, Runnable advance) {
        if (left.isEmpty()) {
            tagAndAdvance(plan, advance);
            return;
        }
        Runnable agreed = () -> answer(plan, left.subList(1, left.size()), advance);
        switch (left.get(0)) {
            case ROOM_SHORT -> offerPushAnyway(plan, agreed);
            case TAG_TAKEN -> confirmOverwrite(plan.target(), agreed);
        }
    }

    private void tagAndAdvance(PushPreparation.Plan plan, Runnable advance) {
        tagging.set(true);
        Background.of(() -> {
                    preparation.tag(plan);
                    return plan;
                })
                .onFinished(() -> tagging.set(false))
                .onSuccess(tagged -> advance.run())
                .onFailure(this::showFailure)
                .executeWith(context.background());
    }

    private void showFailure(Throwable failure) {
        problemPane.show(context.view(Problems.of(failure, ProblemContext.none().withImage(session.target().link()))));
    }

    private void offerPushAnyway(PushPreparation.Plan plan, Runnable agreed) {
        Preflight.Report report = plan.report();
        problemPane.show(context.view(Problems.ofQuotaTooSmall(report.imageBytes(), report.quota().value(),
                ProblemContext.none().withRegistry(plan.target().registry()))));
        afterQuotaWarning = agreed;
        pushAnywayButton.setVisible(true);
        pushAnywayButton.requestFocus();
    }

    @FXML
    private void pushAnyway() {
        pushAnywayButton.setVisible(false);
        problemPane.clear();
        afterQuotaWarning.run();
    }

    private void confirmOverwrite(HarborTarget target, Runnable agreed) {
        if (context.dialogs().confirm(tagField.getScene().getWindow(), new DialogService.Question(Alert.AlertType.WARNING,
                context.text("tag.exists.title", target.tag()), context.text("tag.exists.text", target.link()),
                context.text("tag.exists.keep"), context.text("tag.exists.overwrite")))) {
            agreed.run();
        } else {
            tagField.requestFocus();
            tagField.selectAll();
        }
    }

    @Override
    public Node initialFocus() {
        return filterField;
    }
}
