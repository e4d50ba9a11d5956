package io.github.harborupload.registry;

import java.net.URI;
import java.util.Objects;

/**
 * Where an open upload stands, enough for a resume after a restart (issue 19): the session's
 * current {@code Location} and how many bytes the registry acknowledged. Holds no secret: the
 * location is the registry's own URL (distribution signs its {@code _state} with its own secret;
 * no token rides in it), so it may be written to a state file.
 */
public record UploadSession(URI location, long offset) {

    public UploadSession {
        Objects.requireNonNull(location, "location");
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }
}
