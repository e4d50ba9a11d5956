package io.github.harborupload.ui.tag;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.Preflight;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.ProblemPane;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;

/**
 * The wizard's side of {@link PushPreparation}: asks Harbor whether there is room and whether the
 * tag is taken, so that neither surprises the user half-way through a long push; puts the plan's
 * questions (room short: a warning and "Push anyway"; tag taken: a dialog), and tags once all are agreed.
 */
final class BeforePush {

    private final WizardContext context;
    private final UploadSession session;
    private final PushPreparation preparation;
    private final ProblemPane problemPane;
    private final Button pushAnywayButton;
    private final TextField tagField;
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    /** What "Push anyway" does once the user has read the quota warning. */
    private Runnable afterQuotaWarning;

    BeforePush(WizardContext context, ProblemPane problemPane, Button pushAnywayButton, TextField tagField) {
        this.context = context;
        this.session = context.session();
        this.preparation = context.pushPreparation();
        this.problemPane = problemPane;
        this.pushAnywayButton = pushAnywayButton;
        this.tagField = tagField;
    }

    /** While Harbor is asked or the image tagged. */
    ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Runs {@code advance} once the image is tagged and the user agreed to every question. */
    void start(Runnable advance) {
        ImageChoice image = session.image().orElseThrow();
        HarborTarget target = session.target();
        Credential credential = session.credential().orElseThrow();
        working.set(true);
        problemPane.clear();
        pushAnywayButton.setVisible(false);
        Background.of(() -> preparation.check(image, target, credential, session.platform()))
                .onFinished(() -> working.set(false))
                .onSuccess(plan -> {
                    session.setPush(null);
                    answer(plan, plan.questions(), advance);
                })
                .onFailure(this::showFailure)
                .executeWith(context.background());
    }

    /** The user read the quota warning and pushes anyway. */
    void pushAnyway() {
        pushAnywayButton.setVisible(false);
        problemPane.clear();
        afterQuotaWarning.run();
    }

    /** Puts the first of the questions left; each yes moves on to the next, and the last to the tag. */
    private void answer(PushPreparation.Plan plan, List<PushPreparation.Question> left, Runnable advance) {
        if (left.isEmpty()) {
            tagAndAdvance(plan, advance);
            return;
        }
        Runnable agreed = () -> answer(plan, left.subList(1, left.size()), advance);
        switch (left.get(0)) {
            case ROOM_SHORT -> offerPushAnyway(plan, agreed);
            case TAG_TAKEN -> confirmOverwrite(plan.target(), agreed);
        }
    }

    private void tagAndAdvance(PushPreparation.Plan plan, Runnable advance) {
        working.set(true);
        Background.of(() -> {
                    preparation.tag(plan);
                    return plan;
                })
                .onFinished(() -> working.set(false))
                .onSuccess(tagged -> advance.run())
                .onFailure(this::showFailure)
                .executeWith(context.background());
    }

    private void showFailure(Throwable failure) {
        problemPane.show(context.view(Problems.of(failure, ProblemContext.none().withImage(session.target().link()))));
    }

    private void offerPushAnyway(PushPreparation.Plan plan, Runnable agreed) {
        Preflight.Report report = plan.report();
        problemPane.show(context.view(Problems.ofQuotaTooSmall(report.imageBytes(), report.quota().value(),
                ProblemContext.none().withRegistry(plan.target().registry()))));
        afterQuotaWarning = agreed;
        pushAnywayButton.setVisible(true);
        pushAnywayButton.requestFocus();
    }

    private void confirmOverwrite(HarborTarget target, Runnable agreed) {
        if (context.dialogs().confirm(tagField.getScene().getWindow(), new DialogService.Question(Alert.AlertType.WARNING,
                context.text("tag.exists.title", target.tag()), context.text("tag.exists.text", target.link()),
                context.text("tag.exists.keep"), context.text("tag.exists.overwrite")))) {
            agreed.run();
        } else {
            tagField.requestFocus();
            tagField.selectAll();
        }
    }
}
