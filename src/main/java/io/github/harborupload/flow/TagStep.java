package io.github.harborupload.flow;

import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.TargetSuggester;
import io.github.harborupload.reference.Validation;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Step 3: pick a local image and give it its name in Harbor. */
public final class TagStep {

    private final Services services;

    public TagStep(Services services) {
        this.services = services;
    }

    /** The engine's images, one choice per name, newest first. Blocking. */
    public List<ImageChoice> listImages() {
        return ImageChoice.of(services.engine().listImages());
    }

    /** A test for images whose name, tag or id contains every word of the query, ignoring case. */
    public static Predicate<ImageChoice> matching(String query) {
        String trimmed = query == null ? "" : query.toLowerCase(Locale.ROOT).trim();
        if (trimmed.isEmpty()) {
            return image -> true;
        }
        String[] words = trimmed.split("\\s+");
        return choice -> {
            String haystack = (choice.name() + " " + choice.image().id()).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Fills the session's target fields with a valid proposal for this image. */
    public static void propose(UploadSession session, ImageChoice choice) {
        HarborTarget proposal = TargetSuggester.suggest(choice.isTagged() ? choice.name() : null, choice.image().id(),
                session.credential().map(c -> c.username()).orElse(session.username()), session.registry());
        session.setImage(choice);
        session.setProject(proposal.project());
        session.setRepository(proposal.repository());
        session.setTag(proposal.tag());
    }

    public static Validation validate(UploadSession session) {
        return session.target().validate();
    }

    /**
     * Whether the project differs from the user's own {@code user-<name>}: allowed (a lab may share
     * a project), but a typo there shows up much later as "authentication required".
     */
    public static boolean isOtherProject(UploadSession session, String username) {
        return !session.project().equals(HarborTarget.projectFor(username));
    }

    /** Gives the image its Harbor name in the engine, as {@code docker tag} does. Blocking. */
    public void apply(ImageChoice choice, HarborTarget target) {
        services.engine().tag(choice.image().id(), target.imageName(), target.tag());
    }
}
