package io.github.harborupload.ui.history;

import io.github.harborupload.problems.Problems;
import io.github.harborupload.settings.PastUpload;
import io.github.harborupload.settings.UploadHistory;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.Dialogs;
import io.github.harborupload.ui.common.ProblemPane;
import io.github.harborupload.ui.platform.PlatformSignIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The list of earlier uploads (issue 15, item 13), newest first, from the flow's record
 * ({@code settings.UploadHistory}). Each row copies its link and, while it is not imported, imports
 * it through the same flow as the import step; without a platform session the dialog says so and
 * offers the same sign-in. Sized to fit inside the wizard's smallest window; the rows scroll.
 */
public final class HistoryDialog {

    private final WizardContext context;
    private final Dialog<Void> dialog = Dialogs.styled(new Dialog<>());
    private final Label intro;
    private final VBox top;
    private final VBox signedOut;
    private final VBox rows = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(rows);

    private HistoryDialog(WizardContext context, Window owner) {
        this.context = context;
        dialog.initOwner(owner);
        dialog.setTitle(context.text("history.title"));
        dialog.setResizable(true);

        // Until the list arrives from the file (read off the FX thread, see load).
        intro = note("historyIntro", context.text("history.loading"));
        intro.getStyleClass().remove("muted");
        top = new VBox(8, intro);
        Hyperlink signIn = new Hyperlink(context.text("history.signIn"));
        signIn.setId("historySignIn");
        signIn.setOnAction(event -> signIn());
        signedOut = new VBox(2, note("historySignedOut", context.text("history.signedOut")), signIn);
        signedOut.managedProperty().bind(signedOut.visibleProperty());
        signedOut.setVisible(false);
        top.getChildren().add(signedOut);

        rows.setId("historyRows");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
        scroll.setVisible(false);
        scroll.managedProperty().bind(scroll.visibleProperty());
        VBox content = new VBox(12, top, scroll);
        content.setPrefSize(660, 400);
        content.setPadding(new Insets(6, 10, 0, 10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(context.text("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("historyDialog");
        // Once the dialog has placed its own focus (on its button): the keyboard starts on the newest upload.
        dialog.setOnShown(event -> Platform.runLater(this::focusNewest));
    }

    /** Shows the list and waits until the user closes it. */
    public static void show(WizardContext context, Window owner) {
        HistoryDialog history = new HistoryDialog(context, owner);
        history.load();
        history.dialog.showAndWait();
    }

    /** Reads {@code uploads.json} on a background thread; the list replaces the placeholder when it comes. */
    private void load() {
        UploadHistory history = context.services().uploadHistory();
        // setAside() after list(): reading the file is what sets a damaged one aside.
        Background.of(() -> new Listing(history.list(), history.setAside()))
                .onSuccess(this::showList)
                .onFailure(this::showFailure)
                .executeWith(context.background());
    }

    private void showList(Listing listing) {
        List<PastUpload> uploads = listing.uploads();
        intro.setText(context.text(uploads.isEmpty() ? "history.empty" : "history.intro"));
        listing.setAside().ifPresent(aside -> top.getChildren().add(1, note("historySetAside", context.text("history.setAside", aside))));
        signedOut.setVisible(!uploads.isEmpty() && context.session().platform().isEmpty());
        uploads.forEach(upload -> rows.getChildren().add(new UploadRow(context, upload, this::importNow)));
        scroll.setVisible(!uploads.isEmpty());
        if (dialog.isShowing()) {
            focusNewest();
        }
    }

    /** In place of the placeholder: the list could not be read at all (a damaged file is not that, see showList). */
    private void showFailure(Throwable failure) {
        ProblemPane problem = new ProblemPane(context.texts());
        problem.show(context.view(Problems.of(failure)));
        top.getChildren().set(0, problem);
    }

    private void focusNewest() {
        rows.getChildren().stream().findFirst().map(UploadRow.class::cast).ifPresent(UploadRow::focus);
    }

    private Label note(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        // Its lines whole: the rows below scroll instead.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("muted");
        return label;
    }

    /** Signs in as the import step does; the session then serves every row. */
    private boolean signIn() {
        PlatformSignIn.ask(context, dialog.getDialogPane().getScene().getWindow()).ifPresent(context.session()::setPlatform);
        signedOut.setVisible(context.session().platform().isEmpty());
        return context.session().platform().isPresent();
    }

    private void importNow(UploadRow row) {
        if (context.session().platform().isPresent() || signIn()) {
            row.importNow();
        } else {
            row.importButton().requestFocus();
        }
    }

    /** What the background read brings: the uploads, and where a damaged file went. */
    private record Listing(List<PastUpload> uploads, Optional<Path> setAside) {
    }
}
