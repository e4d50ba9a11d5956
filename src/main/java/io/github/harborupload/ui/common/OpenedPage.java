package io.github.harborupload.ui.common;

import io.github.harborupload.ui.WizardContext;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Opens a web page, and shows its address to copy: the desktop may have no browser to open, and
 * says so only on the console (issue 15, item 10). Hidden until a page is opened.
 */
public final class OpenedPage extends VBox {

    private final WizardContext context;
    private final TextField address = new TextField();

    public OpenedPage(WizardContext context, String id) {
        super(4);
        this.context = context;
        setId(id);
        Label said = new Label(context.text("opened.page"));
        said.setWrapText(true);
        said.getStyleClass().add("step-intro");
        address.setEditable(false);
        address.setId(id + "Address");
        address.getStyleClass().add("mono");
        HBox.setHgrow(address, Priority.ALWAYS);
        getChildren().addAll(said, new HBox(8, address, new CopyButton(context.texts(), address::getText)));
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    public void open(String page) {
        address.setText(page);
        setVisible(true);
        context.openInBrowser(page);
    }
}
