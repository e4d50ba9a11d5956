package io.github.harborupload.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a push stream's events for the one thing that matters at the end: did it succeed, and with
 * which digest. The engine reports a failure as an item inside an HTTP 200 stream, so a stream that
 * simply ends proves nothing: only the final digest does.
 */
final class PushOutcome {

    /** {@code "1: digest: sha256:… size: 2010"}; Podman sends only this line, without the {@code aux} item. */
    private static final Pattern DIGEST_LINE = Pattern.compile("^\\S+: digest: (sha256:[0-9a-f]{64}) size: (\\d+)$");

    private String error;
    private PushResult result;

    void record(PushEvent event) {
        if (event.isError()) {
            if (error == null) {
                error = event.error();
            }
        } else if (event.isResult()) {
            result = new PushResult(event.digest(), event.size());
        } else if (result == null && event.status() != null) {
            Matcher line = DIGEST_LINE.matcher(event.status());
            if (line.matches()) {
                result = new PushResult(line.group(1), Long.parseLong(line.group(2)));
            }
        }
    }

    /**
     * The result once the stream has ended.
     *
     * @throws PushFailedException with the engine's text if any item carried an error, or
     *                             {@link PushFailedException#withoutResult()} if no digest came
     */
    PushResult result() {
        if (error != null) {
            throw new PushFailedException(error);
        }
        if (result == null) {
            throw PushFailedException.withoutResult();
        }
        return result;
    }
}
