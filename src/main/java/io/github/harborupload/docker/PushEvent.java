package io.github.harborupload.docker;

/**
 * One message of the engine's push stream, in the engine layer's own words (no docker-java type
 * leaves this package).
 *
 * @param layerId the first 12 hex digits of the layer's diff ID, or null for image-wide messages
 * @param status  the engine's status text as sent ("Preparing", "Pushing", "Retrying in 5 seconds"…), or null
 * @param current bytes sent so far for this layer, or -1 when the message carries none
 * @param total   the layer's size as the engine reports it, or -1 when unknown
 * @param error   the error message when the stream reports a failure, else null
 * @param digest  the manifest digest when this message is the push's result (the final item, or the
 *                {@code "…: digest: … size: …"} line), else null
 * @param size    the manifest size in the final message, else -1
 */
public record PushEvent(String layerId, String status, long current, long total, String error, String digest, long size) {

    public static PushEvent status(String layerId, String status) {
        return new PushEvent(layerId, status, -1, -1, null, null, -1);
    }

    public static PushEvent progress(String layerId, long current, long total) {
        return new PushEvent(layerId, "Pushing", current, total, null, null, -1);
    }

    public static PushEvent failure(String error) {
        return new PushEvent(null, null, -1, -1, error, null, -1);
    }

    public static PushEvent result(String digest, long size) {
        return new PushEvent(null, null, -1, -1, null, digest, size);
    }

    public boolean isError() {
        return error != null;
    }

    public boolean isResult() {
        return digest != null;
    }
}
