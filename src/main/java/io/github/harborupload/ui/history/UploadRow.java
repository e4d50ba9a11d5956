package io.github.harborupload.ui.history;

import io.github.harborupload.i18n.Times;
import io.github.harborupload.settings.PastUpload;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.importing.OneClickImport;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One earlier upload in the list: the local image and whether the platform has it, the link with
 * Copy, the digest, when; "Import into the platform" while it is not imported.
 */
final class UploadRow extends VBox {

    private final WizardContext context;
    private final Label status = new Label();
    private final CopyButton copy;
    private final Button importButton;
    private final ProblemPane problem;
    private final OneClickImport oneClick;
    private PastUpload upload;

    /** @param importNow what Import does with this row: signs in first when needed, then {@link #importNow()} */
    UploadRow(WizardContext context, PastUpload upload, Consumer<UploadRow> importNow) {
        super(4);
        this.context = context;
        this.oneClick = new OneClickImport(context);
        getStyleClass().add("history-row");
        String key = Integer.toHexString(upload.link().hashCode());
        setId("upload-" + key);

        Label image = new Label(upload.image());
        image.getStyleClass().add("history-image");
        status.setId("uploadStatus-" + key);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, image, gap, status);
        top.setAlignment(Pos.CENTER_LEFT);

        Label link = mono(upload.link());
        link.setId("uploadLink-" + key);
        copy = new CopyButton(context.texts(), upload::link);
        copy.setId("uploadCopy-" + key);
        importButton = new Button(context.text("import.now"));
        importButton.setId("uploadImport-" + key);
        importButton.setOnAction(event -> importNow.accept(this));
        importButton.disableProperty().bind(oneClick.running());
        importButton.managedProperty().bind(importButton.visibleProperty());
        ProgressIndicator importing = new ProgressIndicator();
        importing.setPrefSize(18, 18);
        importing.visibleProperty().bind(oneClick.running());
        importing.managedProperty().bind(importing.visibleProperty());
        Instant pushed = upload.pushed();
        Label when = new Label(context.text("history.when", Times.dateTime(pushed),
                context.text(Times.age(pushed, Instant.now()))));
        when.getStyleClass().add("muted");
        when.setMinWidth(0);
        // The buttons whole, below the link so that it has the row's width (a longer one shows whole in its tooltip).
        copy.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox actions = new HBox(8, when, push, importing, copy, importButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label digest = mono(upload.digest());
        digest.getStyleClass().add("muted");

        problem = new ProblemPane(context.texts());
        problem.setId("uploadProblem-" + key);
        getChildren().addAll(top, link, digest, actions, problem);
        show(upload);
    }

    /** Focus on the row's first button, Copy: the list is walked with Tab. */
    void focus() {
        copy.requestFocus();
    }

    Button importButton() {
        return importButton;
    }

    /** Imports this upload with the session's platform sign-in, then shows what the history says. */
    void importNow() {
        oneClick.start(upload.link(), problem, () -> {
            context.services().uploadHistory().list().stream()
                    .filter(recorded -> recorded.link().equals(upload.link())).findFirst().ifPresent(this::show);
            (upload.imported() ? status : importButton).requestFocus();
        });
    }

    private void show(PastUpload shown) {
        upload = shown;
        status.setText(context.text(shown.imported() ? "history.imported" : "history.notImported"));
        status.getStyleClass().setAll("label", shown.imported() ? "history-imported" : "history-not-imported");
        // A label takes focus only to keep it where the import button was.
        status.setFocusTraversable(shown.imported());
        importButton.setVisible(!shown.imported());
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("mono");
        label.setTooltip(new Tooltip(text));
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
