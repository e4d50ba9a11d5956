package io.github.harborupload.ui.credentials;

import io.github.harborupload.flow.PausedPushes;
import io.github.harborupload.flow.PausedPushes.Offer;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.DialogService;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first step's offer to go on with a push that paused, failed or was cut off (issue 19): one
 * line per push, "Resume the upload of X to Y (62 %)", with Resume and Discard. What is offered and
 * where Resume leads is {@link PausedPushes}'; this only shows it.
 */
final class ResumeOffer {

    private final WizardContext context;
    private final UploadSession session;
    private final PausedPushes pushes;
    /** Resume without a usable login: the first step shows the kept target's registry. */
    private final Runnable loginFirst;
    private final VBox box = new VBox(8);

    ResumeOffer(WizardContext context, Runnable loginFirst) {
        this.context = context;
        this.session = context.session();
        this.pushes = new PausedPushes(context.services());
        this.loginFirst = loginFirst;
        box.setId("resumeOffer");
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
    }

    Node node() {
        return box;
    }

    /** Looks for kept pushes again; none while this window's own push runs (its folder is in use). */
    void refresh() {
        if (session.push().filter(push -> !push.isDone()).isPresent()) {
            show(List.of());
            return;
        }
        // Docker not running: nothing can be resumed now, and the login below says why.
        Background.of(pushes::offers)
                .onSuccess(this::show)
                .onFailure(failure -> show(List.of()))
                .executeWith(context.background());
    }

    private void show(List<Offer> offers) {
        box.getChildren().setAll(offers.stream().map(this::line).toList());
        box.setVisible(!offers.isEmpty());
    }

    private Node line(Offer offer) {
        String age = context.text(Times.age(offer.savedAt(), Instant.now()));
        Label label = new Label(offer.imageName()
                .map(image -> context.text("credentials.resume.offer", image, offer.target().link(), offer.percent(), age))
                .orElse(context.text("credentials.resume.gone", offer.target().link(), offer.percent(), age)));
        label.getStyleClass().add("resume-offer-text");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button discard = new Button(context.text("credentials.resume.discard"));
        discard.setId("discardButton");
        // The text wraps; the buttons keep their words.
        discard.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(12, label, discard);
        line.getStyleClass().addAll("banner", "banner-info");
        line.setAlignment(Pos.CENTER_LEFT);
        discard.setOnAction(e -> discard(offer, line));
        if (offer.image().isPresent()) {
            Button resume = new Button(context.text("credentials.resume"));
            resume.setId("resumeButton");
            resume.getStyleClass().add("accent");
            resume.setMinWidth(Region.USE_PREF_SIZE);
            resume.setOnAction(e -> resume(offer, line));
            line.getChildren().add(1, resume);
        }
        return line;
    }

    /** With a login Docker keeps and the registry accepts, straight to the push; otherwise log in first. */
    private void resume(Offer offer, HBox line) {
        line.setDisable(true);
        Background.of(() -> pushes.storedLogin(offer))
                .onFinished(() -> line.setDisable(false))
                .onSuccess(login -> {
                    if (PausedPushes.resume(session, offer, login) == Step.PUSH) {
                        context.goTo(Step.PUSH);
                        return;
                    }
                    loginFirst.run();
                    Label kept = new Label(context.text("credentials.resume.login", offer.target().registry(), offer.target().link()));
                    kept.setId("resumeLogin");
                    kept.setWrapText(true);
                    line.getChildren().setAll(kept);
                })
                .executeWith(context.background());
    }

    /** Up to gigabytes of spool, and no undo: asked once. */
    private void discard(Offer offer, HBox line) {
        boolean sure = context.dialogs().confirm(box.getScene().getWindow(), new DialogService.Question(Alert.AlertType.WARNING,
                context.text("credentials.resume.discard.title"), context.text("credentials.resume.discard.text", offer.target().link()),
                context.text("button.cancel"), context.text("credentials.resume.discard")));
        if (!sure) {
            return;
        }
        line.setDisable(true);
        Background.of(() -> {
                    pushes.discard(offer);
                    return null;
                })
                .onSuccess(done -> refresh())
                .onFailure(failure -> {
                    line.setDisable(false);
                    Label why = new Label(context.text(Problems.of(failure).title()));
                    why.setWrapText(true);
                    line.getChildren().setAll(why);
                })
                .executeWith(context.background());
    }
}
