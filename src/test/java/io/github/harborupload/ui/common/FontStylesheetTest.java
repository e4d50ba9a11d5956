package io.github.harborupload.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.desktop.FontFamilies;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The per-OS font stylesheet as JavaFX reads it (issue 16, item 9), headless on this machine's fonts. */
class FontStylesheetTest {

    @BeforeAll
    static void startJavaFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theDataUriStylesheetSetsTheChosenFamiliesOverTheAppsList() throws Exception {
        // JavaFX CSS takes only the first family of a list; the data URI names exactly the chosen ones.
        // Two installed families that are not the first of wizard.css's lists show the data URI is read.
        FontFamilies chosen = new FontFamilies("DejaVu Sans", "Noto Sans Mono CJK SC");
        // scripts/setup.sh installs both (fonts-dejavu-core, fonts-noto-cjk): a missing one is a broken set-up, not a skip.
        assertTrue(Font.getFamilies().containsAll(Set.of(chosen.text(), chosen.mono())), "needs DejaVu Sans and Noto Sans Mono CJK SC");
        Label text = new Label("推送 push");
        Label mono = new Label("sha256:abc");
        mono.getStyleClass().add("mono");

        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(new VBox(text, mono));
            scene.getStylesheets().addAll(Theme.stylesheet(), Theme.fontStylesheet(chosen));
            scene.getRoot().applyCss();
        }).get();

        assertEquals(chosen.mono(), mono.getFont().getFamily());
        assertEquals(chosen.text(), text.getFont().getFamily());
    }
}
