package io.github.harborupload.ui.tag;

import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.ui.WizardContext;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The columns of the local image list: what each shows, and how. */
final class ImageColumns {

    private ImageColumns() {
    }

    static void fill(WizardContext context, TableColumn<ImageChoice, String> name, TableColumn<ImageChoice, String> id,
                     TableColumn<ImageChoice, Long> size, TableColumn<ImageChoice, Instant> created) {
        name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        name.setCellFactory(column -> nameCell(context));
        id.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().image().shortId()));
        size.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().image().size()));
        size.setCellFactory(column -> textCell(Sizes::bytes));
        created.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().image().created()));
        created.setCellFactory(column -> textCell(time -> context.text(Times.age(time, Instant.now()))));
    }

    /** A cell showing the value as text. */
    private static <T> TableCell<ImageChoice, T> textCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                showText(this, empty || value == null ? null : format.apply(value));
            }
        };
    }

    /** The image's name, marked when it is the tag an earlier upload left rather than the image's own. */
    private static TableCell<ImageChoice, String> nameCell(WizardContext context) {
        TableCell<ImageChoice, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                showText(this, empty ? null : name);
                ImageChoice row = getTableRow() == null ? null : getTableRow().getItem();
                setGraphic(!empty && row != null && TagStep.isEarlierUpload(context.session(), row) ? uploadedMark(context) : null);
            }
        };
        cell.setContentDisplay(ContentDisplay.RIGHT);
        return cell;
    }

    private static Label uploadedMark(WizardContext context) {
        Label mark = new Label(context.text("tag.uploaded"));
        mark.getStyleClass().add("muted");
        return mark;
    }

    /** The text, whole in a tooltip for when a narrow window cuts the cell. */
    private static void showText(TableCell<ImageChoice, ?> cell, String text) {
        cell.setText(text);
        cell.setTooltip(text == null ? null : new Tooltip(text));
    }
}
