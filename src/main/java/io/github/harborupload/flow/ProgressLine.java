package io.github.harborupload.flow;

import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.push.LayerSnapshot;
import io.github.harborupload.push.PushSnapshot;

/**
 * The words under the progress bar and beside each layer, built once for both faces (the wizard's
 * label, the command line's lines): "109 MB of ~252 MB  ·  35 MB/s  ·  about 5 s left".
 */
public final class ProgressLine {

    private static final String BUNDLE = "io.github.harborupload.flow.messages";
    /** Between the parts of a line. */
    public static final String SEPARATOR = "  ·  ";
    /** The line when Harbor already had every layer: "0 B of 0 B" would read as a push that quietly did nothing. */
    public static final Text NOTHING_TO_UPLOAD = Text.of(BUNDLE, "progress.nothing");

    private ProgressLine() {
    }

    /** Bytes sent of the total, then speed and time left while they are known; or why there are no bytes to count. */
    public static String overall(PushSnapshot snapshot, Translator translator) {
        if (snapshot.preparingImage()) {
            return translator.text(PushSnapshot.PREPARING_IMAGE);
        }
        if (PushSummary.of(snapshot).nothingToUpload()) {
            return translator.text(NOTHING_TO_UPLOAD);
        }
        StringBuilder line = new StringBuilder(bytes(snapshot, translator));
        if (!snapshot.isFinished() && snapshot.bytesPerSecond() > 0) {
            line.append(SEPARATOR).append(Sizes.speed(snapshot.bytesPerSecond()));
            Times.timeLeft(snapshot.secondsLeft()).ifPresent(left -> line.append(SEPARATOR).append(translator.text(left)));
        }
        return line.toString();
    }

    /** Bytes sent of the total alone: the line of a paused push, where speed and time left mean nothing. */
    public static String bytes(PushSnapshot snapshot, Translator translator) {
        // The engine counts compressed bytes against an uncompressed total: "~" until the total is sure.
        String total = snapshot.bytesTotal() < 0 ? "?"
                : (snapshot.totalEstimated() ? "~" : "") + Sizes.bytes(snapshot.bytesTotal());
        return translator.text(Text.of(BUNDLE, "progress.bytes", Sizes.bytes(snapshot.bytesDone()), total));
    }

    /** "12.3 MB / 40.0 MB"; "—" for a layer the registry already had; empty while its size is unknown. */
    public static String layerBytes(LayerSnapshot layer) {
        if (layer.state().isSkipped()) {
            return "—";
        }
        return layer.total() > 0 ? Sizes.bytes(layer.bytes()) + " / " + Sizes.bytes(layer.total()) : "";
    }
}
