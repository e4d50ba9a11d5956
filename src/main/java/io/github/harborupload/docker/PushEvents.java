package io.github.harborupload.docker;

import com.github.dockerjava.api.model.ResponseItem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine's push stream items into {@link PushEvent}s. */
final class PushEvents {

    /**
     * {@code "1: digest: sha256:… size: 2010"}, the line before the final {@code aux} item; Podman
     * sends only this line. Either is the push's result, decided here once for every reader.
     */
    private static final Pattern DIGEST_LINE = Pattern.compile("^\\S+: digest: (sha256:[0-9a-f]{64}) size: (\\d+)$");

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
        } else if (item.getStatus() != null) {
            Matcher line = DIGEST_LINE.matcher(item.getStatus());
            if (line.matches()) {
                digest = line.group(1);
                size = Long.parseLong(line.group(2));
            }
        }
        return new PushEvent(item.getId(), item.getStatus(), current, total, error, digest, size);
    }
}
