package io.github.harborupload.ui.tag;

import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.settings.PastUpload;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The engine's images in the table, filtered as the user types, with their count; loaded again on demand. */
final class LocalImages {

    private final WizardContext context;
    private final UploadSession session;
    private final TableView<ImageChoice> table;
    private final Label countLabel;
    private final ProblemPane problemPane;
    private final ObservableList<ImageChoice> images = FXCollections.observableArrayList();
    private final FilteredList<ImageChoice> shown = new FilteredList<>(images);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** The image uploaded last is proposed once, on the first list; "Upload another image" wants another. */
    private boolean lastUploadOffered;

    LocalImages(WizardContext context, TableView<ImageChoice> table, TextField filterField, Label countLabel,
                ProblemPane problemPane) {
        this.context = context;
        this.session = context.session();
        this.table = table;
        this.countLabel = countLabel;
        this.problemPane = problemPane;
        table.setItems(shown);
        table.setPlaceholder(new Label(context.text("tag.empty")));
        filterField.setText(session.imageFilter());
        filterField.textProperty().addListener((obs, old, now) -> {
            session.setImageFilter(now);
            shown.setPredicate(TagStep.matching(now));
            showCount();
        });
        shown.setPredicate(TagStep.matching(session.imageFilter()));
    }

    ReadOnlyBooleanProperty loading() {
        return loading;
    }

    void refresh() {
        loading.set(true);
        problemPane.clear();
        countLabel.setText(context.text("tag.loading"));
        boolean offerLastUpload = !lastUploadOffered;
        // The history is a file: read beside the engine's list, never on the FX thread.
        Background.of(() -> new Listing(context.tagStep().listImages(),
                        offerLastUpload ? context.services().uploadHistory().latest() : Optional.<PastUpload>empty()))
                .onFinished(() -> loading.set(false))
                .onSuccess(listing -> {
                    images.setAll(listing.images());
                    showCount();
                    reselect();
                    lastUploadOffered |= offerLastUpload;
                    listing.lastUpload().ifPresent(this::selectLastUploaded);
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
                    table.getSelectionModel().select(image);
                    table.scrollTo(image);
                });
    }

    /**
     * With nothing chosen yet, the image uploaded last (the history of uploads) comes selected, so
     * its new version goes up with one Next (issue 15, item 13). Selecting it proposes its target,
     * as a click would.
     */
    private void selectLastUploaded(PastUpload last) {
        if (session.image().isPresent() || !table.getSelectionModel().isEmpty()) {
            return;
        }
        shown.stream().filter(line -> line.name().equals(last.image())).findFirst()
                .ifPresent(line -> {
                    table.getSelectionModel().select(line);
                    table.scrollTo(line);
                });
    }

    private void showCount() {
        countLabel.setText(context.text("tag.count", shown.size(), images.size()));
    }

    /** What one background load brings: the engine's images and, the first time, the last upload. */
    private record Listing(List<ImageChoice> images, Optional<PastUpload> lastUpload) {
    }
}
