package io.github.harborupload.flow;

import io.github.harborupload.push.PushSnapshot;

/**
 * What a push has sent so far, for the words both faces print: a push of an image Harbor already
 * has sends no byte, and "0 B of 0 B" would read as a push that did nothing wrong quietly.
 *
 * @param layers        the layers the engine named
 * @param layersSkipped those it did not send, as the registry had them (already there, or mounted)
 */
public record PushSummary(int layers, int layersSkipped) {

    public static PushSummary of(PushSnapshot snapshot) {
        int skipped = (int) snapshot.layers().stream().filter(layer -> layer.state().isSkipped()).count();
        return new PushSummary(snapshot.layers().size(), skipped);
    }

    /** Harbor already had every layer, so nothing had to be uploaded (the engine says so per layer). */
    public boolean nothingToUpload() {
        return layers > 0 && layersSkipped == layers;
    }
}
