package io.github.harborupload.flow;

import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.ImportOutcome;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.PlatformImage;
import io.github.harborupload.platform.TaskType;
import io.github.harborupload.reference.HarborTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 5: the platform learns about the image. With a platform session, in one click, confirmed by
 * listing the user's images (the platform can answer success without saving). Without one, the
 * user copies the fields into the platform's "import image" form, which the wizard opens.
 */
public final class ImportStep {

    static final String BUNDLE = "io.github.harborupload.flow.messages";

    public static final TaskType DEFAULT_TASK_TYPE = TaskType.CUSTOM;
    /** The platform's web page with the user's images and its "import image" button. */
    private static final String IMAGES_PAGE = "/portal/env/images";

    private ImportStep() {
    }

    /**
     * The tags the platform's web import form offers first (frontend, the image import form), before
     * those the user already uses.
     */
    public static final List<String> DEFAULT_TAGS = List.of("CUDA", "Pytorch", "Jupyter", "Python", "vLLM");

    /** What the platform would be asked to import for this session, for an image of these platforms. */
    public static ImportRequest request(UploadSession session, List<String> tags, List<String> archs) {
        return new ImportRequest(session.target().link(), session.description(), session.taskType(), tags, archs);
    }

    /**
     * The tags to offer for this repository, in order: the platform's defaults, those remembered
     * for it, those on the user's other images ({@code images} may be empty).
     */
    public static List<String> offeredTags(List<String> remembered, List<PlatformImage> images) {
        Set<String> tags = new LinkedHashSet<>(DEFAULT_TAGS);
        tags.addAll(remembered);
        images.forEach(image -> tags.addAll(image.tags()));
        return List.copyOf(tags);
    }

    /**
     * {@code --image-tags a,b}: the tags, trimmed, without empty ones or repeats; an empty text is
     * no tags.
     */
    public static List<String> parseTags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return List.copyOf(tags);
    }

    /** The tags for this session's import: the user's choice, else those remembered for the repository. */
    public static List<String> tagsFor(Services services, UploadSession session) {
        return session.importTags().orElseGet(() -> services.platformChoices().importTags(repositoryOf(session.target())));
    }

    /** {@code user-alice/torch}: the key tags are remembered under. */
    public static String repositoryOf(HarborTarget target) {
        return target.project() + "/" + target.repository();
    }

    /**
     * Why the description cannot be imported, if it cannot: the platform's form requires one, and
     * the platform keeps at most {@link ImportRequest#MAX_DESCRIPTION_LENGTH} characters.
     */
    public static Optional<Text> descriptionProblem(String description) {
        if (description == null || description.isBlank()) {
            return Optional.of(Text.of(BUNDLE, "description.empty"));
        }
        return ImportRequest.descriptionIssue(description);
    }

    /** A first description: the repository and tag, which the user will usually refine. */
    public static String proposeDescription(UploadSession session) {
        return session.repository() + ":" + session.tag();
    }

    /**
     * Imports through the platform with the image's own platform (from the engine) and the chosen
     * tags, updating the user's record when the link is already in their list; then looks for it
     * there. Blocking.
     */
    public static ImportOutcome importAndConfirm(Services services, PlatformSession platform, UploadSession session)
            throws PlatformException {
        ImageArchitectures architectures = new ImageArchitectures(services);
        List<String> archs = session.image().map(choice -> architectures.ofLocal(choice.image().id()))
                .orElseGet(() -> architectures.ofLink(session.target()));
        ImportRequest request = request(session, tagsFor(services, session), archs);
        ImportOutcome outcome = importAndConfirm(services, platform, request, session.target());
        session.setImported(outcome.confirmed());
        session.setImportUpdated(outcome.updated());
        return outcome;
    }

    /**
     * Imports {@code request} (or updates the user's record of its link), confirmed by listing;
     * once confirmed, its tags are remembered for the target's repository and the history of
     * uploads marks the link imported. Blocking.
     */
    public static ImportOutcome importAndConfirm(Services services, PlatformSession platform, ImportRequest request,
            HarborTarget target) throws PlatformException {
        nameTheBuild(platform);
        ImportOutcome outcome = platform.importAndConfirm(request);
        if (outcome.confirmed()) {
            services.platformChoices().rememberImportTags(repositoryOf(target), request.tags());
            services.uploadHistory().markImported(request.imageLink());
        }
        return outcome;
    }

    /**
     * Imports an earlier upload by its link alone, as {@code harbor-upload import LINK} does without
     * options: the first description the wizard proposes, the default task type, the tags remembered
     * for its repository, the architectures the registry (or a local image of that name) tells.
     * Blocking.
     */
    public static ImportOutcome importLink(Services services, PlatformSession platform, String link) throws PlatformException {
        HarborTarget target = TagStep.targetOf(link);
        ImportRequest request = new ImportRequest(link, proposeDescription(link), DEFAULT_TASK_TYPE,
                services.platformChoices().importTags(repositoryOf(target)), new ImageArchitectures(services).ofLink(target));
        return importAndConfirm(services, platform, request, target);
    }

    /** The wizard's first description, repository:tag, from a link's parts; the link itself when it has none. */
    public static String proposeDescription(String link) {
        HarborTarget parts = TagStep.targetOf(link);
        if (parts.repository().isEmpty() || parts.tag().isEmpty()) {
            return link;
        }
        return parts.repository() + ":" + parts.tag();
    }

    /** Asks which platform build answers, so that a failure's details name it (issue 12); a report line only. */
    private static void nameTheBuild(PlatformSession platform) {
        try {
            platform.serverBuild();
        } catch (PlatformException e) {
            // The import's own call reports what is wrong, in the platform's words.
        }
    }

    /** Why the platform address cannot be opened, if it cannot. */
    public static Optional<Text> platformAddressProblem(String address) {
        try {
            PlatformClient.parseAddress(address);
            return Optional.empty();
        } catch (PlainHttpRefusedException e) {
            return Optional.of(Text.of(BUNDLE, "platform.plainHttp", e.address()));
        } catch (IllegalArgumentException e) {
            return Optional.of(Text.of(BUNDLE, "platform.invalid", address));
        }
    }

    /**
     * The page listing the user's images, where the platform's import form lives: on the platform's
     * address as the client reads it, so only https (or http to this computer) ever reaches the
     * desktop's browser, never {@code file:}, {@code smb:} or {@code ms-msdt:} (issue 13, item 6).
     *
     * @throws IllegalArgumentException when {@link #platformAddressProblem} names a problem
     */
    public static String imagesPage(String platformAddress) {
        return PlatformClient.parseAddress(platformAddress) + IMAGES_PAGE;
    }
}
