package io.github.harborupload.ui.common;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** A small button that copies a text to the clipboard and says so for a moment. */
public final class CopyButton extends Button {

    private final PauseTransition revert = new PauseTransition(Duration.seconds(1.5));

    public CopyButton(ResourceBundle texts, Supplier<String> content) {
        String copy = texts.getString("copy");
        setText(copy);
        getStyleClass().addAll("copy-button", "small");
        setTooltip(new Tooltip(texts.getString("copy.tooltip")));
        revert.setOnFinished(e -> setText(copy));
        setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(content.get());
            Clipboard.getSystemClipboard().setContent(clip);
            setText(texts.getString("copied"));
            revert.playFromStart();
        });
    }
}
