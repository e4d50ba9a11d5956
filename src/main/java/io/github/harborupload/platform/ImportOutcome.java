package io.github.harborupload.platform;

import java.util.Optional;

/**
 * What an import came to, after looking for it in the user's list.
 *
 * @param confirmed true when the user's list holds the link: the platform kept it
 * @param image     the listed image when confirmed
 */
public record ImportOutcome(boolean confirmed, Optional<PlatformImage> image) {
}
