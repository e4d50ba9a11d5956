package io.github.harborupload.settings;

import java.time.Instant;
import java.util.Objects;

/**
 * One earlier upload, as the history keeps it: what was pushed, where, and whether the platform
 * has it in the user's image list. Nothing secret: names, a digest and times.
 *
 * @param image    the local image's name as the list showed it ({@code train:v3}), or its short ID
 * @param link     where it went, {@code registry/project/repository:tag}: what the platform imports
 * @param digest   the manifest digest the registry answered, {@code sha256:…}
 * @param pushed   when the push finished
 * @param imported whether the platform confirmed the link in the user's list
 */
public record PastUpload(String image, String link, String digest, Instant pushed, boolean imported) {

    public PastUpload {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(pushed, "pushed");
    }

    public PastUpload asImported() {
        return new PastUpload(image, link, digest, pushed, true);
    }
}
