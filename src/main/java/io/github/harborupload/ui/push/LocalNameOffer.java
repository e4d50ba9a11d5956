package io.github.harborupload.ui.push;

import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * In the push's result: the local tag the push gave the image ({@code HOST/user-x/repo:tag}), with
 * one click to remove it again (issue 15, item 3: every push left one behind in the image list).
 * The image and the name it was chosen by stay; {@link PushStep#nameToOffer} says when to offer.
 */
final class LocalNameOffer extends VBox {

    private final WizardContext context;
    private final Label line = new Label();
    private final Button remove = new Button();

    LocalNameOffer(WizardContext context) {
        this.context = context;
        setId("localNameOffer");
        // Line above button, in a VBox: an HBox gave the wrapping line one line, cut with "…".
        setSpacing(6);
        line.setId("localNameLine");
        line.setWrapText(true);
        line.setMinHeight(USE_PREF_SIZE);
        remove.setId("removeLocalName");
        remove.setText(context.text("push.name.remove"));
        remove.setMinWidth(USE_PREF_SIZE);
        managedProperty().bind(visibleProperty());
        remove.managedProperty().bind(remove.visibleProperty());
        getChildren().setAll(line, remove);
        setVisible(false);
    }

    /** After a successful push: offers to remove the name it made, when there is one to offer. */
    void offer(ImageChoice image, HarborTarget target) {
        context.pushStep().nameToOffer(image, target).ifPresentOrElse(name -> {
            line.setText(context.text("push.name.offer", name, image.name()));
            remove.setVisible(true);
            remove.setDisable(false);
            remove.setOnAction(e -> removeName(name, image.name()));
            setVisible(true);
        }, this::clear);
    }

    void clear() {
        setVisible(false);
    }

    private void removeName(String name, String kept) {
        remove.setDisable(true);
        Background.of(() -> context.pushStep().removeName(name))
                .onSuccess(removed -> {
                    line.setText(removed ? context.text("push.name.removed", name, kept) : context.text("push.name.kept", name));
                    remove.setVisible(false);
                })
                .onFailure(failure -> {
                    line.setText(context.text("push.name.failed", name, context.view(Problems.of(failure)).title()));
                    remove.setDisable(false);
                })
                .executeWith(context.background());
    }
}
