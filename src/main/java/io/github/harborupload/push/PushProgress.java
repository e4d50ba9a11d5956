package io.github.harborupload.push;

import io.github.harborupload.docker.PushEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The progress of one push. The engine's thread calls {@link #accept(PushEvent)} for every item of
 * the stream; the faces call {@link #snapshot()} as often as they redraw (the UI about 20 times a
 * second). Thread-safe: both lock this object, briefly.
 *
 * <p>Overall progress counts bytes: a layer in the registry already or mounted weighs nothing, a
 * pushed layer counts its whole size, a layer that is retried keeps the most bytes any attempt
 * reached (the engine sends it again from 0; the bar waits until the new attempt passes the old
 * mark). While layer sizes are unknown the total is estimated as {@link TotalEstimate} says, and the
 * fraction shown never goes down while the push runs, so it may run ahead of the bytes. Once the push
 * is {@linkplain #halted() paused or stopped} or has failed, the fraction is the true share of the
 * bytes, the figure the bytes line gives beside it. It is exactly 1 once the registry has the
 * manifest.
 *
 * <p>Two signals name a push in trouble: {@linkplain PushSnapshot#retryingRepeatedly() retrying
 * repeatedly} (one layer retried {@value #RETRY_SIGNAL} times: the engine waits 5, 10, 15, 20
 * seconds between attempts and gives up after the fourth retry, so this fires about 30 seconds in,
 * before it gives up) and {@linkplain PushSnapshot#stalled() stalled} (no byte sent and no layer
 * changing state for the stall time, 30 seconds unless told otherwise; the ticks of a retry
 * countdown are not progress).
 */
public final class PushProgress {

    /** Retries of one layer that make the push "retrying again and again". */
    public static final int RETRY_SIGNAL = 3;
    public static final Duration DEFAULT_STALL_TIME = Duration.ofSeconds(30);
    static final Duration SPEED_WINDOW = Duration.ofSeconds(5);

    private static final String REPOSITORY_PREFIX = "The push refers to repository [";
    private static final String MOUNTED_PREFIX = "Mounted from ";
    private static final String RETRYING_PREFIX = "Retrying in ";

    private final LongSupplier nanoClock;
    private final long stallNanos;
    private final long expectedBytes;
    private final SpeedWindow speed;
    /** In order of first appearance. */
    private final Map<String, LayerProgress> layers = new LinkedHashMap<>();

    private String repository;
    private PushOutcome outcome = PushOutcome.RUNNING;
    private String digest;
    private long size = -1;
    private String error;
    private boolean preparingImage;
    private final List<String> storedAfterGatewayTimeout = new ArrayList<>();
    private boolean stateSetAside;
    private boolean spoolSkipped;
    private long lastProgressNanos;
    private double shownFraction;
    private boolean halted;

    /** A push of an image whose size is not known, on the system clock. */
    public PushProgress() {
        this(-1);
    }

    /** @param expectedBytes the local image's size (as the engine lists it), or -1 when unknown */
    public PushProgress(long expectedBytes) {
        this(expectedBytes, DEFAULT_STALL_TIME, System::nanoTime);
    }

    /**
     * @param expectedBytes the local image's size, or -1 when unknown
     * @param stallTime     how long without progress makes the push stalled
     * @param nanoClock     a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     */
    public PushProgress(long expectedBytes, Duration stallTime, LongSupplier nanoClock) {
        this.expectedBytes = expectedBytes;
        this.stallNanos = stallTime.toNanos();
        this.nanoClock = nanoClock;
        this.lastProgressNanos = nanoClock.getAsLong();
        this.speed = new SpeedWindow(lastProgressNanos, SPEED_WINDOW);
    }

    /** One item of the engine's stream. Statuses this model does not know are ignored. */
    public synchronized void accept(PushEvent event) {
        long now = nanoClock.getAsLong();
        if (event.isResult()) {
            succeed(event.digest(), event.size(), now);
        } else if (outcome != PushOutcome.RUNNING) {
            return;
        } else if (event.isError()) {
            fail(event.error(), now);
        } else if (event.status() != null && event.layerId() != null) {
            layerStatus(event, now);
        } else if (event.status() != null) {
            imageStatus(event.status(), now);
        }
    }

    // The project's own pusher reports in these terms; the engine's stream comes through accept().

    /**
     * Whether the engine is staging the image for export: it copies the whole image before the first
     * byte flows (about 5 ms per MB), so the faces say so instead of showing a bar standing still.
     */
    public synchronized void preparingImage(boolean preparing) {
        if (preparingImage != preparing) {
            preparingImage = preparing;
            lastProgressNanos = nanoClock.getAsLong();
        }
    }

    /** A layer moved to {@code state}; a layer already done stays done. */
    public synchronized void layer(String id, LayerState state) {
        if (outcome == PushOutcome.RUNNING && layer(id).moveTo(state)) {
            lastProgressNanos = nanoClock.getAsLong();
        }
    }

    /** The registry copied the layer from another of its repositories. */
    public synchronized void layerMounted(String id, String fromRepository) {
        if (outcome == PushOutcome.RUNNING && layer(id).mountedFrom(fromRepository)) {
            lastProgressNanos = nanoClock.getAsLong();
        }
    }

    /**
     * Bytes of the layer the registry holds in this attempt, of {@code total} (-1 when not known yet).
     * A new attempt starts again from 0; the overall progress keeps the best attempt.
     */
    public synchronized void layerBytes(String id, long current, long total) {
        if (outcome == PushOutcome.RUNNING) {
            long now = nanoClock.getAsLong();
            progressed(layer(id), current, total, now);
        }
    }

    /** The layer failed and is tried again in {@code seconds}. */
    public synchronized void layerRetrying(String id, int seconds) {
        if (outcome == PushOutcome.RUNNING && layer(id).retrying(seconds)) {
            lastProgressNanos = nanoClock.getAsLong();
        }
    }

    /**
     * A gateway answered the layer's commit with a timeout (or not at all), and the layer was then
     * found stored: the push goes on, and the faces tell the administrator's fix at the end.
     */
    public synchronized void layerStoredAfterGatewayTimeout(String layerDigest) {
        if (!storedAfterGatewayTimeout.contains(layerDigest)) {
            storedAfterGatewayTimeout.add(layerDigest);
        }
    }

    /** The saved state of an earlier run of this push could not be used: the push starts clean, and says why. */
    public synchronized void stateSetAside() {
        stateSetAside = true;
    }

    /** A layer goes without a copy on disk, which was too short for it: a note for the faces, not a failure. */
    public synchronized void spoolSkipped() {
        spoolSkipped = true;
    }

    /** The registry has the manifest. */
    public synchronized void succeeded(String resultDigest, long resultSize) {
        succeed(resultDigest, resultSize, nanoClock.getAsLong());
    }

    /**
     * The push was paused or stopped: nothing moves any more, so the bar need not be smooth and shows
     * the true share of bytes (a stopped push showed 94 % beside "83.9 of 125.8 MB").
     */
    public synchronized void halted() {
        halted = true;
    }

    /** The push failed; {@code message} is for the record, the faces name the problem from the exception. */
    public synchronized void failed(String message) {
        if (outcome == PushOutcome.RUNNING) {
            fail(message, nanoClock.getAsLong());
        }
    }

    private void progressed(LayerProgress layer, long current, long total, long now) {
        LayerState before = layer.state();
        long sent = layer.pushing(current, total);
        if (sent > 0) {
            speed.add(now, sent);
        }
        if (sent > 0 || layer.state() != before) {
            lastProgressNanos = now;
        }
    }

    private void layerStatus(PushEvent event, long now) {
        String status = event.status();
        boolean changed = switch (status) {
            case "Pushing" -> {
                progressed(layer(event.layerId()), event.current(), event.total(), now);
                yield false;
            }
            case "Preparing" -> layer(event.layerId()).moveTo(LayerState.PREPARING);
            case "Waiting" -> layer(event.layerId()).moveTo(LayerState.WAITING);
            case "Pushed" -> layer(event.layerId()).moveTo(LayerState.PUSHED);
            case "Layer already exists" -> layer(event.layerId()).moveTo(LayerState.ALREADY_EXISTS);
            default -> {
                if (status.startsWith(MOUNTED_PREFIX)) {
                    yield layer(event.layerId()).mountedFrom(status.substring(MOUNTED_PREFIX.length()));
                } else if (status.startsWith(RETRYING_PREFIX)) {
                    yield layer(event.layerId()).retrying(leadingNumber(status, RETRYING_PREFIX.length()));
                }
                yield false;
            }
        };
        if (changed) {
            lastProgressNanos = now;
        }
    }

    private void imageStatus(String status, long now) {
        if (status.startsWith(REPOSITORY_PREFIX) && status.endsWith("]")) {
            repository = status.substring(REPOSITORY_PREFIX.length(), status.length() - 1);
            lastProgressNanos = now;
        }
    }

    private void succeed(String resultDigest, long resultSize, long now) {
        if (outcome == PushOutcome.FAILED) {
            return;
        }
        outcome = PushOutcome.SUCCEEDED;
        preparingImage = false;
        digest = resultDigest;
        if (resultSize >= 0) {
            size = resultSize;
        }
        // The registry has the manifest, so it has every layer, whatever the stream said last.
        for (LayerProgress layer : layers.values()) {
            layer.moveTo(LayerState.PUSHED);
        }
        lastProgressNanos = now;
    }

    private void fail(String message, long now) {
        outcome = PushOutcome.FAILED;
        preparingImage = false;
        error = message;
        for (LayerProgress layer : layers.values()) {
            layer.fail();
        }
        lastProgressNanos = now;
    }

    private LayerProgress layer(String id) {
        LayerProgress layer = layers.get(id);
        if (layer == null) {
            layer = new LayerProgress(id);
            layers.put(id, layer);
        }
        return layer;
    }

    /** The number at {@code from} in "Retrying in 5 seconds", without cutting the text up. */
    private static int leadingNumber(String text, int from) {
        int number = 0;
        for (int i = from; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            number = number * 10 + (text.charAt(i) - '0');
        }
        return number;
    }

    /** The push as it stands now; costs one pass over the layers. */
    public synchronized PushSnapshot snapshot() {
        long now = nanoClock.getAsLong();
        List<LayerSnapshot> shown = new ArrayList<>(layers.size());
        long knownBytes = 0;
        long doneBytes = 0;
        int knownLayers = 0;
        int unsizedLayers = 0;
        int retries = 0;
        boolean retryingRepeatedly = false;
        for (LayerProgress layer : layers.values()) {
            shown.add(layer.snapshot());
            LayerState state = layer.state();
            if (!state.isSkipped() && layer.total() > 0) {
                knownBytes += layer.total();
                doneBytes += layer.creditedBytes();
                knownLayers++;
            } else if (!state.isDone() && layer.total() <= 0) {
                unsizedLayers++;
            }
            retries += layer.retries();
            retryingRepeatedly |= layer.retries() >= RETRY_SIGNAL;
        }
        // No layers yet (or none at all, as Podman tells): nothing is known about the total.
        long totalBytes = layers.isEmpty() ? -1 : TotalEstimate.of(knownBytes, knownLayers, unsizedLayers, expectedBytes);
        long bytesPerSecond = speed.bytesPerSecond(now);
        long quietNanos = now - lastProgressNanos;
        return new PushSnapshot(
                repository,
                shown,
                doneBytes,
                totalBytes,
                unsizedLayers > 0 && outcome == PushOutcome.RUNNING,
                fraction(doneBytes, totalBytes),
                bytesPerSecond,
                secondsLeft(doneBytes, totalBytes, bytesPerSecond),
                retries,
                retryingRepeatedly,
                outcome == PushOutcome.RUNNING && !preparingImage && quietNanos >= stallNanos,
                quietNanos / 1_000_000_000L,
                outcome,
                digest,
                size,
                error,
                preparingImage,
                storedAfterGatewayTimeout,
                stateSetAside,
                spoolSkipped);
    }

    private double fraction(long doneBytes, long totalBytes) {
        if (outcome == PushOutcome.SUCCEEDED) {
            return 1;
        }
        double estimate;
        if (totalBytes > 0) {
            estimate = Math.min(1, (double) doneBytes / totalBytes);
        } else {
            // Nothing to upload once every layer is settled: all were in the registry already.
            estimate = totalBytes == 0 ? 1 : 0;
        }
        if (halted || outcome == PushOutcome.FAILED) {
            return estimate;
        }
        shownFraction = Math.max(shownFraction, estimate);
        return shownFraction;
    }

    private long secondsLeft(long doneBytes, long totalBytes, long bytesPerSecond) {
        return switch (outcome) {
            case SUCCEEDED -> 0;
            case FAILED -> -1;
            case RUNNING -> totalBytes < 0 || bytesPerSecond <= 0
                    ? -1
                    : (Math.max(0, totalBytes - doneBytes) + bytesPerSecond - 1) / bytesPerSecond;
        };
    }
}
