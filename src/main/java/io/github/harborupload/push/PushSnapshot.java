package io.github.harborupload.push;

import io.github.harborupload.i18n.Text;
import java.util.List;

/**
 * A push at one moment, immutable: what a face draws.
 *
 * @param repository         the repository the engine pushes to, as it names it, or null before it says
 * @param layers             the layers in order of first appearance
 * @param bytesDone          bytes the overall progress counts as uploaded (of layers whose size is known)
 * @param bytesTotal         bytes to upload in all, estimated while {@code totalEstimated}; -1 while unknown
 * @param totalEstimated     whether some layers' sizes are still unknown, so {@code bytesTotal} is a guess
 * @param fraction           overall progress 0..1: while running, never lower than in an earlier
 *                           snapshot; once paused, stopped or failed, {@code bytesDone / bytesTotal};
 *                           1 on success
 * @param bytesPerSecond     upload speed over the last few seconds
 * @param secondsLeft        time left at that speed, or -1 when unknown (no speed, no total, failed)
 * @param retries            retries of all layers together
 * @param retryingRepeatedly whether one layer was retried {@value PushProgress#RETRY_SIGNAL} times or more
 * @param stalled            whether the running push made no progress for the stall time
 * @param secondsWithoutProgress seconds since a byte was last sent or a layer last changed state
 * @param outcome            running, succeeded or failed
 * @param digest             the pushed manifest's digest on success, else null
 * @param size               the manifest's size on success, else -1
 * @param error              the engine's error text on failure, verbatim, else null
 * @param preparingImage     whether the engine is still staging the image for export (the project's
 *                           own pusher): nothing can be sent before it is done
 * @param storedAfterGatewayTimeout digests of layers whose commit a gateway answered with a timeout
 *                           and which the project's own pusher then found stored: a note for the
 *                           administrator (the gateway's read timeout), not a failure
 * @param stateSetAside      whether the saved state of an earlier run of this push (the project's own
 *                           pusher) could not be used and was set aside, so the push started clean
 * @param spoolSkipped       whether the project's own pusher sends a layer without keeping it on
 *                           disk (the cache folder's disk is short): a failure then means exporting
 *                           and compressing that layer again
 */
public record PushSnapshot(
        String repository,
        List<LayerSnapshot> layers,
        long bytesDone,
        long bytesTotal,
        boolean totalEstimated,
        double fraction,
        long bytesPerSecond,
        long secondsLeft,
        int retries,
        boolean retryingRepeatedly,
        boolean stalled,
        long secondsWithoutProgress,
        PushOutcome outcome,
        String digest,
        long size,
        String error,
        boolean preparingImage,
        List<String> storedAfterGatewayTimeout,
        boolean stateSetAside,
        boolean spoolSkipped) {

    /** What the faces say while {@link #preparingImage()}: the bar cannot move yet, and why. */
    public static final Text PREPARING_IMAGE = Text.of(LayerSnapshot.BUNDLE, "image.preparing");
    /** The note both faces show when {@link #stateSetAside()}: why a resume starts from the beginning. */
    public static final Text STATE_SET_ASIDE = Text.of(LayerSnapshot.BUNDLE, "state.setAside");

    /** The note beside the progress while {@link #spoolSkipped()}. */
    public static final Text SPOOL_SKIPPED = Text.of(LayerSnapshot.BUNDLE, "spool.skipped");

    public PushSnapshot {
        layers = List.copyOf(layers);
        storedAfterGatewayTimeout = List.copyOf(storedAfterGatewayTimeout);
    }

    public boolean isFinished() {
        return outcome != PushOutcome.RUNNING;
    }

    public boolean isSucceeded() {
        return outcome == PushOutcome.SUCCEEDED;
    }

    public boolean isFailed() {
        return outcome == PushOutcome.FAILED;
    }
}
