package io.github.harborupload.flow;

import io.github.harborupload.i18n.Text;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Step 5: the platform learns about the image. Without a platform session the user copies the
 * fields into the platform's "import image" form; the wizard opens that page.
 */
public final class ImportStep {

    static final String BUNDLE = "io.github.harborupload.flow.messages";

    /** The task types the platform's own command line offers for new images (crater cli/cmd/image.go). */
    public static final List<String> TASK_TYPES = List.of("custom", "jupyter", "pytorch", "tensorflow", "webide");
    public static final String DEFAULT_TASK_TYPE = "custom";
    /** The platform stores descriptions in a varchar(512) and silently drops longer ones. */
    public static final int MAX_DESCRIPTION_LENGTH = 512;
    /** The platform's web page with the user's images and its "import image" button. */
    private static final String IMAGES_PAGE = "/portal/env/images";

    private ImportStep() {
    }

    /** Why the description cannot be imported, if it cannot. The platform's form requires one. */
    public static Optional<Text> descriptionProblem(String description) {
        if (description == null || description.isBlank()) {
            return Optional.of(Text.of(BUNDLE, "description.empty"));
        }
        int length = description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            return Optional.of(Text.of(BUNDLE, "description.tooLong", MAX_DESCRIPTION_LENGTH, length - MAX_DESCRIPTION_LENGTH));
        }
        return Optional.empty();
    }

    /** A first description: the repository and tag, which the user will usually refine. */
    public static String proposeDescription(UploadSession session) {
        return session.repository() + ":" + session.tag();
    }

    /** Why the platform address cannot be opened, if it cannot. */
    public static Optional<Text> platformAddressProblem(String address) {
        try {
            URI uri = URI.create(withScheme(address));
            return uri.getHost() == null ? Optional.of(Text.of(BUNDLE, "platform.invalid", address)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Text.of(BUNDLE, "platform.invalid", address));
        }
    }

    /** The page listing the user's images, where the platform's import form lives. */
    public static String imagesPage(String platformAddress) {
        String base = withScheme(platformAddress);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + IMAGES_PAGE;
    }

    private static String withScheme(String address) {
        String trimmed = address == null ? "" : address.trim();
        return trimmed.contains("://") ? trimmed : "https://" + trimmed;
    }
}
