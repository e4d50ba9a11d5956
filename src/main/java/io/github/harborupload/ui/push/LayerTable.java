package io.github.harborupload.ui.push;

import io.github.harborupload.flow.ProgressLine;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.WizardContext;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;

/**
 * The push step's layer table: one {@link LayerRow} per layer, found by its id and updated in place
 * from each snapshot, so 20 refreshes a second never rebuild the table. The controller of
 * LayerTable.fxml, which the push step includes.
 */
public final class LayerTable {

    @FXML
    private TableView<LayerRow> table;
    @FXML
    private TableColumn<LayerRow, String> idColumn;
    @FXML
    private TableColumn<LayerRow, String> stateColumn;
    @FXML
    private TableColumn<LayerRow, Double> barColumn;
    @FXML
    private TableColumn<LayerRow, String> bytesColumn;

    private final WizardContext context;
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final Map<String, LayerRow> rowsById = new HashMap<>();

    public LayerTable(WizardContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        idColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().id()));
        stateColumn.setCellValueFactory(row -> row.getValue().stateProperty());
        bytesColumn.setCellValueFactory(row -> row.getValue().bytesProperty());
        barColumn.setCellValueFactory(row -> row.getValue().fractionProperty().asObject());
        barColumn.setCellFactory(ProgressBarTableCell.forTableColumn());
        table.setItems(rows);
        table.setPlaceholder(new Label(context.text("push.preparing")));
    }

    void clear() {
        rows.clear();
        rowsById.clear();
    }

    /** Each layer as the snapshot has it; a layer seen for the first time gets its row. */
    void show(PushSnapshot snapshot) {
        for (LayerSnapshot layer : snapshot.layers()) {
            LayerRow row = rowsById.computeIfAbsent(layer.id(), id -> {
                LayerRow created = new LayerRow(id);
                rows.add(created);
                return created;
            });
            row.update(context.text(layer.stateText()), ProgressLine.layerBytes(layer), layer.fraction());
        }
    }

    /** The push no longer moves: each layer still to send says {@code layerState} (paused, stopped). */
    void halt(PushSnapshot last, String layerState) {
        for (LayerSnapshot layer : last.layers()) {
            LayerRow row = rowsById.get(layer.id());
            if (row != null && !layer.state().isDone()) {
                row.update(context.text(layerState), ProgressLine.layerBytes(layer), layer.fraction());
            }
        }
    }
}
