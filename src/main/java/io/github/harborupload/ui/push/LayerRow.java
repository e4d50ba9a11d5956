package io.github.harborupload.ui.push;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the layer table, updated in place on each refresh so the table never rebuilds. */
public final class LayerRow {

    private final String id;
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty bytes = new SimpleStringProperty(this, "bytes", "");
    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", 0);

    LayerRow(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty bytesProperty() {
        return bytes;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    void update(String stateText, String bytesText, double done) {
        state.set(stateText);
        bytes.set(bytesText);
        fraction.set(done);
    }
}
