package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Prepare the push": what happens between naming the target and pushing, in one order for every
 * face (the wizard's Next on the tag step, {@code push}, {@code upload}). The target's rules, then
 * Harbor's answer on room and tag, handed back as the questions to put to the user; only once the
 * user has agreed, the tag in the engine. The faces ask the questions, each in its own way.
 */
public final class PushPreparation {

    /** What the user must agree to before the push, asked in this order. */
    public enum Question {
        /** The project has less room than the image: Harbor counts only layers it lacks, so the user may push anyway. */
        ROOM_SHORT,
        /** The tag is already in Harbor: the platform's guide asks never to overwrite one other than latest. */
        TAG_TAKEN
    }

    /** What the checks found for one image and target. */
    public record Plan(ImageChoice image, HarborTarget target, Preflight.Report report) {

        /** The questions for the user, empty when the push may simply go ahead. */
        public List<Question> questions() {
            List<Question> questions = new ArrayList<>();
            if (report.roomShort()) {
                questions.add(Question.ROOM_SHORT);
            }
            if (report.tagTaken()) {
                questions.add(Question.TAG_TAKEN);
            }
            return List.copyOf(questions);
        }
    }

    private final Services services;

    public PushPreparation(Services services) {
        this.services = services;
    }

    /**
     * Asks Harbor for the room in the project and whether the tag exists. Blocking: two or three
     * HTTP calls, none of which can fail the push (a check Harbor cannot answer is skipped).
     *
     * @throws IllegalArgumentException when the target breaks a naming rule: the faces refuse it before
     */
    public Plan check(ImageChoice image, HarborTarget target, Credential credential, Optional<PlatformSession> platform) {
        Validation validation = target.validate();
        if (!validation.isValid()) {
            throw new IllegalArgumentException("Not a valid target: " + target.link());
        }
        return new Plan(image, target, Preflight.check(target, RegistryAccess.endpoint(services, target.registry()), credential,
                image.image().size(), platform));
    }

    /** Gives the image its Harbor name in the engine, as {@code docker tag} does, once the user agreed. Blocking. */
    public void tag(Plan plan) {
        services.engine().tag(plan.image().image().id(), plan.target().imageName(), plan.target().tag());
    }
}
