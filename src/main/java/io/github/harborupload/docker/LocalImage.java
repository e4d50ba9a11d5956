package io.github.harborupload.docker;

import java.time.Instant;
import java.util.List;

/**
 * An image in the engine's local store.
 *
 * @param id       the full image ID, {@code sha256:…}
 * @param shortId  the first 12 hex digits of the ID, as {@code docker images} shows it
 * @param repoTags its {@code repository:tag} names; empty for an untagged image
 * @param size     bytes on disk, as {@code docker images} shows it
 * @param created  when the image was built
 */
public record LocalImage(String id, String shortId, List<String> repoTags, long size, Instant created) {

    public LocalImage {
        repoTags = List.copyOf(repoTags);
    }

    static String shortIdOf(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
