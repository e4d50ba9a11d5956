package io.github.harborupload.ui.tag;

import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.ui.WizardContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;

/**
 * "Push with Docker's own docker push": the fallback to the engine's push, kept in the settings
 * ({@code pushVia}) so the command line follows the same choice. Off by default.
 */
final class PushMethodBox extends CheckBox {

    PushMethodBox(WizardContext context) {
        super(context.text("tag.pushWithDocker"));
        setId("pushWithDocker");
        setWrapText(true);
        setTooltip(new Tooltip(context.text("tag.pushWithDocker.tip")));
        setSelected(PushMethod.of(context.settings()) == PushMethod.ENGINE);
        selectedProperty().addListener((obs, old, engine) -> context.updateSettings(
                settings -> settings.withPushVia((engine ? PushMethod.ENGINE : PushMethod.REGISTRY).value())));
    }
}
