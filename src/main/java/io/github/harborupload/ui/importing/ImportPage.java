package io.github.harborupload.ui.importing;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the import step shows, as properties ImportStep.fxml binds to ({@code ${controller.page.…}}):
 * the controller sets them, the view never asks. A property and its getter each, as FXML's
 * expressions read them.
 */
public final class ImportPage {

    private final StringProperty intro = new SimpleStringProperty("");
    private final StringProperty link = new SimpleStringProperty("");
    private final StringProperty descriptionLength = new SimpleStringProperty("");
    private final StringProperty taskTypeValue = new SimpleStringProperty("");
    private final StringProperty importedText = new SimpleStringProperty("");
    /** The platform's image page once opened in the browser, left here to copy; empty before. */
    private final StringProperty openedPage = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final BooleanProperty signedIn = new SimpleBooleanProperty(false);
    private final BooleanProperty imported = new SimpleBooleanProperty(false);
    private final BooleanProperty platformInvalid = new SimpleBooleanProperty(false);
    /** Signed in and not imported yet: the import button, not Next, is what to press. */
    private final BooleanBinding importIsMain = signedIn.and(imported.not());
    private final BooleanBinding opened = openedPage.isNotEmpty();
    private final ObservableBooleanValue importing;
    /** Imported once is enough: a second click would only import the same link again. */
    private final BooleanBinding importAllowed;

    ImportPage(ObservableBooleanValue importing) {
        this.importing = importing;
        this.importAllowed = valid.and(Bindings.not(importing)).and(imported.not());
    }

    public StringProperty introProperty() {
        return intro;
    }

    public String getIntro() {
        return intro.get();
    }

    public StringProperty linkProperty() {
        return link;
    }

    public String getLink() {
        return link.get();
    }

    public StringProperty descriptionLengthProperty() {
        return descriptionLength;
    }

    public String getDescriptionLength() {
        return descriptionLength.get();
    }

    public StringProperty taskTypeValueProperty() {
        return taskTypeValue;
    }

    public String getTaskTypeValue() {
        return taskTypeValue.get();
    }

    public StringProperty importedTextProperty() {
        return importedText;
    }

    public String getImportedText() {
        return importedText.get();
    }

    public StringProperty openedPageProperty() {
        return openedPage;
    }

    public String getOpenedPage() {
        return openedPage.get();
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    public BooleanProperty signedInProperty() {
        return signedIn;
    }

    public boolean isSignedIn() {
        return signedIn.get();
    }

    public BooleanProperty importedProperty() {
        return imported;
    }

    public boolean isImported() {
        return imported.get();
    }

    public BooleanProperty platformInvalidProperty() {
        return platformInvalid;
    }

    public boolean isPlatformInvalid() {
        return platformInvalid.get();
    }

    public BooleanBinding importIsMainProperty() {
        return importIsMain;
    }

    public boolean isImportIsMain() {
        return importIsMain.get();
    }

    public BooleanBinding openedProperty() {
        return opened;
    }

    public boolean isOpened() {
        return opened.get();
    }

    public ObservableBooleanValue importingProperty() {
        return importing;
    }

    public boolean isImporting() {
        return importing.get();
    }

    public BooleanBinding importAllowedProperty() {
        return importAllowed;
    }

    public boolean isImportAllowed() {
        return importAllowed.get();
    }
}
