package io.github.harborupload.flow;

import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.ImportOutcome;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.TaskType;
import java.util.List;
import java.util.Optional;

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

    /** What the platform would be asked to import for this session. */
    public static ImportRequest request(UploadSession session) {
        return new ImportRequest(session.target().link(), session.description(), session.taskType(), List.of(), List.of());
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

    /** Imports through the platform, then looks for the image in the user's list. Blocking. */
    public static ImportOutcome importAndConfirm(PlatformSession platform, UploadSession session) throws PlatformException {
        ImportOutcome outcome = platform.importAndConfirm(request(session));
        session.setImported(outcome.confirmed());
        return outcome;
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
