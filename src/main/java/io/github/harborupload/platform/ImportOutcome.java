package io.github.harborupload.platform;

import java.util.Optional;

/**
 * What an import came to, after looking for it in the user's list.
 *
 * @param confirmed true when the user's list holds the link: the platform kept it
 * @param image     the listed image when confirmed
 * @param updated   true when the user already had a record of this link and it was updated
 *                  rather than a second one added
 */
public record ImportOutcome(boolean confirmed, Optional<PlatformImage> image, boolean updated) {
}
