package io.github.harborupload.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns the engine's push stream items into {@link PushEvent}s. */
public final class PushEvents {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PushEvents() {
    }

    static PushEvent of(ResponseItem item) {
        String error = null;
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            error = item.getErrorDetail().getMessage();
        } else if (item.getError() != null) {
            error = item.getError();
        }
        long current = -1;
        long total = -1;
        ResponseItem.ProgressDetail progress = item.getProgressDetail();
        if (progress != null) {
            current = progress.getCurrent() == null ? -1 : progress.getCurrent();
            total = progress.getTotal() == null ? -1 : progress.getTotal();
        }
        String digest = null;
        long size = -1;
        ResponseItem.AuxDetail aux = item.getAux();
        if (aux != null && aux.getDigest() != null) {
            digest = aux.getDigest();
            size = aux.getSize() == null ? -1 : aux.getSize();
        }
        return new PushEvent(item.getId(), item.getStatus(), current, total, error, digest, size);
    }

    /** One line of the engine's JSON stream, as captured by {@code curl} on the socket. */
    public static PushEvent parseJsonLine(String line) {
        try {
            return of(JSON.readValue(line, ResponseItem.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a push stream item: " + line, e);
        }
    }
}
