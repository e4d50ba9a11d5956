package io.github.harborupload.ui.common;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * A small button that copies a text to the clipboard and says so for a moment. In FXML it copies
 * its {@code content}, bound there ({@code <CopyButton texts="$resources" content="${field.text}"/>});
 * built in code, it may copy what a supplier gives at the click instead.
 */
public final class CopyButton extends Button {

    private final PauseTransition revert = new PauseTransition(Duration.seconds(1.5));
    private final StringProperty content = new SimpleStringProperty(this, "content", "");
    private Supplier<String> source = content::get;
    private ResourceBundle texts;

    /** For FXML, which sets the texts as a property: a control it builds through a constructor with arguments cannot be bound. */
    public CopyButton() {
        getStyleClass().addAll("copy-button", "small");
        revert.setOnFinished(e -> setText(texts.getString("copy")));
        setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(source.get());
            Clipboard.getSystemClipboard().setContent(clip);
            setText(texts.getString("copied"));
            revert.playFromStart();
        });
    }

    public CopyButton(ResourceBundle texts, Supplier<String> content) {
        this();
        setTexts(texts);
        this.source = content;
    }

    public ResourceBundle getTexts() {
        return texts;
    }

    /** The bundle its words come from: the UI's ({@code $resources} in FXML). */
    public void setTexts(ResourceBundle texts) {
        this.texts = texts;
        setText(texts.getString("copy"));
        setTooltip(new Tooltip(texts.getString("copy.tooltip")));
    }

    public StringProperty contentProperty() {
        return content;
    }

    public String getContent() {
        return content.get();
    }

    public void setContent(String content) {
        this.content.set(content);
    }
}
