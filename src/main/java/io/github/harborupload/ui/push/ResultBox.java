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
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.layout.VBox;

/**
 * What a finished push shows (ResultBox.fxml, included by the push step): the digest with its copy
 * button, the size summary, the gateway note and the offer to remove the local tag the push made.
 * A page of properties the view binds to, as the other steps' controllers are.
 */
public final class ResultBox {

    @FXML
    private VBox box;

    private final WizardContext context;
    private final UploadSession session;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final StringProperty digest = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty gatewayNote = new SimpleStringProperty("");
    private final BooleanBinding gatewayNoted = gatewayNote.isNotEmpty();
    private final LocalNameOffer localNameOffer;

    public ResultBox(WizardContext context) {
        this.context = context;
        this.session = context.session();
        this.localNameOffer = new LocalNameOffer(context);
    }

    @FXML
    private void initialize() {
        box.getChildren().add(localNameOffer);
    }

    void clear() {
        shown.set(false);
        gatewayNote.set("");
        localNameOffer.clear();
    }

    void show(PushRun push, PushResult result) {
        PushSnapshot last = push.snapshot();
        long seconds = Math.max(1, push.elapsed().toSeconds());
        digest.set(result.digest());
        summary.set(PushSummary.of(last).nothingToUpload()
                ? context.text("push.summary.nothing", last.layers().size())
                : context.text("push.summary.value", Sizes.bytes(last.bytesDone()), last.layers().size(),
                        context.text(Times.duration(seconds)), Sizes.speed(last.bytesDone() / seconds)));
        shown.set(true);
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
        gatewayNote.set(context.text(note.title()) + ". " + context.text(note.actions().get(0)));
    }

    /* What the view binds to */

    public BooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    public StringProperty digestProperty() {
        return digest;
    }

    public String getDigest() {
        return digest.get();
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public String getSummary() {
        return summary.get();
    }

    public StringProperty gatewayNoteProperty() {
        return gatewayNote;
    }

    public String getGatewayNote() {
        return gatewayNote.get();
    }

    public BooleanBinding gatewayNotedProperty() {
        return gatewayNoted;
    }

    public boolean isGatewayNoted() {
        return gatewayNoted.get();
    }
}
