package io.github.harborupload.ui.push;

import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushSummary;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.CopyButton;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What a finished push shows: the digest with its copy button, the size summary, the gateway note
 * and the offer to remove the local tag the push made.
 */
final class ResultBox {

    private final WizardContext context;
    private final UploadSession session;
    private final VBox box;
    private final TextField digestField;
    private final Label sizeLabel;
    private final Label gatewayNote;
    private final LocalNameOffer localNameOffer;

    ResultBox(WizardContext context, VBox box, HBox digestBox, TextField digestField, Label sizeLabel, Label gatewayNote) {
        this.context = context;
        this.session = context.session();
        this.box = box;
        this.digestField = digestField;
        this.sizeLabel = sizeLabel;
        this.gatewayNote = gatewayNote;
        digestBox.getChildren().add(new CopyButton(context.texts(), digestField::getText));
        localNameOffer = new LocalNameOffer(context);
        box.getChildren().add(localNameOffer);
    }

    void clear() {
        box.setVisible(false);
        gatewayNote.setVisible(false);
        localNameOffer.clear();
    }

    void show(PushRun push, PushResult result) {
        PushSnapshot last = push.snapshot();
        long seconds = Math.max(1, push.elapsed().toSeconds());
        digestField.setText(result.digest());
        sizeLabel.setText(PushSummary.of(last).nothingToUpload()
                ? context.text("push.summary.nothing", last.layers().size())
                : context.text("push.summary.value", Sizes.bytes(last.bytesDone()), last.layers().size(),
                        context.text(Times.duration(seconds)), Sizes.speed(last.bytesDone() / seconds)));
        box.setVisible(true);
        showGatewayNote(last);
        session.image().ifPresent(image -> localNameOffer.offer(image, push.target()));
    }

    /**
     * Not a failure: one line in the result for the administrator's fix, when a gateway gave up on
     * layers' commits that were then found stored (a whole problem pane would crowd the result out
     * of a small window).
     */
    private void showGatewayNote(PushSnapshot last) {
        if (last.storedAfterGatewayTimeout().isEmpty()) {
            return;
        }
        Problem note = Problems.ofLayersStoredAfterGatewayTimeout(last.storedAfterGatewayTimeout(),
                ProblemContext.none().withRegistry(session.registry()));
        gatewayNote.setText(context.text(note.title()) + ". " + context.text(note.actions().get(0)));
        gatewayNote.setVisible(true);
    }
}
