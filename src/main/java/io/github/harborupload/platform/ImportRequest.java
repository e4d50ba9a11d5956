package io.github.harborupload.platform;

import io.github.harborupload.i18n.Text;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image link to register on the platform ({@code POST /api/v1/images/image},
 * backend/internal/handler/image/types.go: UploadImageRequest).
 *
 * <p>The platform checks nothing and stores the link in a {@code varchar(128)} and the
 * description in a {@code varchar(512)} (backend/dao/model/image.go); a longer value fails in the
 * database, yet the API still answers success. So {@link #issues()} checks those limits here: the
 * link's is {@link HarborTarget#MAX_LINK_LENGTH}, which the wizard's name rules check too.
 *
 * @param imageLink   the full link, e.g. {@code gpu-harbor.act.buaa.edu.cn/user-alice/torch:v1}
 * @param description free text, at most 512 characters
 * @param taskType    informative; {@link TaskType#CUSTOM} when unsure
 * @param tags        labels for searching, may be empty
 * @param archs       the image's platforms such as {@code linux/amd64}, {@code linux/arm64/v8}. The platform
 *                    stores the list as sent: an empty one stays empty (its fallback to linux/amd64 is
 *                    only for null), and its job form then hides the image under an architecture
 *                    filter (handler/image/image.go, frontend image-form-field.tsx). Empty only
 *                    when the architecture could not be learnt.
 */
public record ImportRequest(String imageLink, String description, TaskType taskType, List<String> tags,
        List<String> archs) {

    public static final int MAX_DESCRIPTION_LENGTH = 512;

    public ImportRequest {
        Objects.requireNonNull(imageLink, "imageLink");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(taskType, "taskType");
        tags = List.copyOf(tags);
        archs = List.copyOf(archs);
    }

    /** A custom-task image with no tags and no architectures. */
    public static ImportRequest of(String imageLink, String description) {
        return new ImportRequest(imageLink, description, TaskType.CUSTOM, List.of(), List.of());
    }

    /**
     * Why the platform would not keep this request, in the user's words; empty when it is fine.
     * Lengths count characters, as the database does.
     */
    public List<Text> issues() {
        List<Text> issues = new ArrayList<>();
        int link = imageLink.strip().codePointCount(0, imageLink.strip().length());
        if (link == 0) {
            issues.add(PlatformTexts.text("import.link_empty"));
        } else if (link > HarborTarget.MAX_LINK_LENGTH) {
            issues.add(PlatformTexts.text("import.link_too_long", link, HarborTarget.MAX_LINK_LENGTH));
        }
        registryIssue(imageLink.strip()).ifPresent(issues::add);
        descriptionIssue(description).ifPresent(issues::add);
        return issues;
    }

    /**
     * A link whose first part docker would not read as a registry ({@code harbor/user-a/app:v1}
     * is a Docker Hub name): the platform's jobs would pull it from elsewhere. The reference
     * package's rule for a Harbor address decides.
     */
    private static Optional<Text> registryIssue(String link) {
        int slash = link.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        return HarborTarget.checkRegistry(link.substring(0, slash)).errors().stream().findFirst().map(Violation::message);
    }

    /** Why the platform would not keep this description, if it would not: more than 512 characters. */
    public static Optional<Text> descriptionIssue(String description) {
        int text = description.codePointCount(0, description.length());
        return text > MAX_DESCRIPTION_LENGTH
                ? Optional.of(PlatformTexts.text("import.description_too_long", text, MAX_DESCRIPTION_LENGTH))
                : Optional.empty();
    }

    /** The repository's last part, as the web form sends it: {@code torch} for {@code …/user-alice/torch:v1}. */
    public String imageName() {
        String path = withoutTag();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The tag, or empty when the link has none. */
    public String imageTag() {
        String link = imageLink.strip();
        return link.length() == withoutTag().length() ? "" : link.substring(withoutTag().length() + 1);
    }

    private String withoutTag() {
        String link = imageLink.strip();
        int colon = link.lastIndexOf(':');
        return colon > link.lastIndexOf('/') ? link.substring(0, colon) : link;
    }
}
