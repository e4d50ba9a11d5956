package io.github.harborupload.docker;


/**
 * Reads a push stream's events for the one thing that matters at the end: did it succeed, and with
 * which digest. The engine reports a failure as an item inside an HTTP 200 stream, so a stream that
 * simply ends proves nothing: only the result event ({@link PushEvents} makes one of the final
 * item or of the digest line) does.
 */
final class PushVerdict {

    private String error;
    private PushResult result;

    void record(PushEvent event) {
        if (event.isError()) {
            if (error == null) {
                error = event.error();
            }
        } else if (event.isResult()) {
            result = new PushResult(event.digest(), event.size());
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
