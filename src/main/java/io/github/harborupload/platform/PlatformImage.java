package io.github.harborupload.platform;

import java.util.List;
import java.util.Objects;

/**
 * One image in the platform's list ({@code GET /api/v1/images/image},
 * backend/internal/handler/image/types.go: ImageInfo).
 *
 * @param id          the platform's id
 * @param link        the image link
 * @param description its description, empty when none
 * @param taskType    as stored; empty on images imported without one
 * @param owner       the user who added it ({@code userInfo.username}; {@code creatorName} on
 *                    servers before May 2025); null when the answer names nobody
 * @param buildSource 1 = built on the platform, 2 = uploaded (imported); null on servers before
 *                    May 2025, which do not say
 * @param tags        its labels
 * @param archs       its platforms as stored ({@code linux/amd64}…); empty on servers before they kept them
 */
public record PlatformImage(long id, String link, String description, String taskType, String owner,
        Integer buildSource, List<String> tags, List<String> archs) {

    /** backend/dao/model/const.go: ImageUploadType. */
    public static final int UPLOADED = 2;

    public PlatformImage {
        Objects.requireNonNull(link, "link");
        description = description == null ? "" : description;
        taskType = taskType == null ? "" : taskType;
        tags = List.copyOf(tags);
        archs = List.copyOf(archs);
    }

    /** Imported by {@code username}; on servers that do not say how an image came, any of theirs. */
    public boolean importedBy(String username) {
        return username.equals(owner) && (buildSource == null || buildSource == UPLOADED);
    }
}
