package io.github.harborupload.flow;

import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.TargetSuggester;
import io.github.harborupload.reference.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * The local image a name means, for a face where the user types it: {@code repo:tag} as listed,
     * {@code repo} alone for {@code repo:latest} (docker's rule), or an image ID or its start
     * ({@code sha256:} optional). Blocking.
     *
     * @throws ImageNotFoundException when no local image answers to the name
     */
    public ImageChoice findImage(String name) {
        return find(listImages(), name).orElseThrow(
                () -> new ImageNotFoundException(name, "No such image: " + name, null));
    }

    /** The choice {@link #findImage(String)} makes among these images, or empty. */
    public static Optional<ImageChoice> find(List<ImageChoice> images, String name) {
        String wanted = name == null ? "" : name.trim();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        String withTag = wanted.lastIndexOf(':') > wanted.lastIndexOf('/') ? wanted : wanted + ":latest";
        Optional<ImageChoice> byName = images.stream().filter(choice -> choice.name().equals(withTag)).findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        String hex = wanted.startsWith("sha256:") ? wanted.substring("sha256:".length()) : wanted;
        if (!hex.matches("[0-9a-f]{4,64}")) {
            return Optional.empty();
        }
        List<ImageChoice> byId = images.stream()
                .filter(choice -> choice.image().id().startsWith("sha256:" + hex) || choice.image().id().startsWith(hex))
                .toList();
        // A prefix two images share names neither, as docker says "ambiguous".
        boolean oneImage = byId.stream().map(choice -> choice.image().id()).distinct().count() == 1;
        return oneImage ? Optional.of(byId.get(0)) : Optional.empty();
    }

    /**
     * A target typed as one link, {@code registry/project/repository:tag}, cut into its parts
     * without judging them: parts it lacks stay empty, so {@link HarborTarget#validate()} names
     * every rule it breaks, as for the wizard's fields.
     */
    public static HarborTarget targetOf(String link) {
        String rest = link == null ? "" : link.trim();
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String[] parts = rest.split("/", 3);
        return new HarborTarget(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", tag);
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

    /** Whether this line of the list is the tag an earlier push to this Harbor left, not an image's own name. */
    public static boolean isEarlierUpload(UploadSession session, ImageChoice choice) {
        return choice.isTagged() && TargetSuggester.isEarlierUpload(choice.name(), session.registry());
    }

    /**
     * Fills the session's target fields with a valid proposal for this image. A project the user
     * typed stays (a lab may share one); a proposed one follows the login, as in {@link #followLogin}.
     */
    public static void propose(UploadSession session, ImageChoice choice) {
        HarborTarget proposal = TargetSuggester.suggest(choice.isTagged() ? choice.name() : null, choice.image().id(),
                session.accountName(), session.registry());
        session.setImage(choice);
        followLogin(session);
        session.setRepository(proposal.repository());
        session.setTag(proposal.tag());
    }

    /**
     * Proposes the project of the account now logged in, unless the user typed one: after Back and
     * another login, the previous account's project would push into someone else's project.
     */
    public static void followLogin(UploadSession session) {
        if (!session.projectTyped()) {
            session.proposeProject(HarborTarget.projectFor(session.accountName()));
        }
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
}
