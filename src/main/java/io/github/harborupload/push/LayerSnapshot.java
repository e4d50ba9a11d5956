package io.github.harborupload.push;

import io.github.harborupload.i18n.Text;
import java.util.Locale;

/**
 * One layer of a push at one moment.
 *
 * @param id           the engine's layer id (12 hex digits)
 * @param state        where the layer stands
 * @param bytes        bytes sent in the current attempt, never above {@code total}; {@code total} once pushed
 * @param total        the layer's size as the engine reports it, or -1 until its upload starts (or when
 *                     it needs none)
 * @param mountedFrom  the repository the registry mounted it from, when {@link LayerState#MOUNTED}, else null
 * @param retrySeconds the engine's countdown when {@link LayerState#RETRYING}, else -1
 * @param retries      how many times the engine has retried this layer
 */
public record LayerSnapshot(
        String id, LayerState state, long bytes, long total, String mountedFrom, int retrySeconds, int retries) {

    static final String BUNDLE = "io.github.harborupload.push.messages";

    /** How far this layer is, 0..1: 1 once the registry has it, 0 while its size is unknown. */
    public double fraction() {
        if (state.isDone()) {
            return 1;
        }
        return total > 0 ? (double) bytes / total : 0;
    }

    /** The state in words, e.g. "Mounted from other/lib" or "Retrying in 5 seconds". */
    public Text stateText() {
        String key = "layer." + state.name().toLowerCase(Locale.ROOT);
        return switch (state) {
            case MOUNTED -> Text.of(BUNDLE, key, mountedFrom);
            case RETRYING -> Text.of(BUNDLE, key, Math.max(retrySeconds, 0));
            default -> Text.of(BUNDLE, key);
        };
    }
}
