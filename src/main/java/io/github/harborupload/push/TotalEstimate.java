package io.github.harborupload.push;

/**
 * The overall number of bytes to upload, while some layers' sizes are still unknown.
 *
 * <p>The engine tells a layer's size only when its upload starts; with more than 5 layers the rest
 * wait, and layers that need no upload (already in the registry, mounted) never tell theirs. So:
 * <ul>
 *   <li>Every layer whose size is known and that needs an upload counts with its size; layers that
 *       need no upload count nothing.</li>
 *   <li>Layers still unsized (preparing, waiting, retrying before their first byte) count as the
 *       rest of the image's expected size when it was given: {@code max(expected, known)}. Layers that
 *       start only move bytes from "the rest" to "known", so the total stays put; layers that turn
 *       out to need no upload leave their share in until the last unsized layer is settled, and then
 *       the bar jumps forward. Forward jumps are harmless; backward ones would look like a fault.</li>
 *   <li>Without an expected size (or once the known sizes outgrow it), each unsized layer counts as
 *       the average known layer. That can be wrong both ways; {@link PushProgress} never lets the
 *       shown fraction go down, so a low guess shows as a short pause of the bar.</li>
 * </ul>
 */
final class TotalEstimate {

    private TotalEstimate() {
    }

    /**
     * @param knownBytes    the sizes of the layers that are sized and need an upload
     * @param knownLayers   how many those are
     * @param unsizedLayers how many layers are unsized and not settled
     * @param expectedBytes the image's size if the caller knew it, else 0 or less
     * @return the estimated total, or -1 while nothing at all is known
     */
    static long of(long knownBytes, int knownLayers, int unsizedLayers, long expectedBytes) {
        if (unsizedLayers == 0) {
            return knownBytes;
        }
        if (expectedBytes > knownBytes) {
            return expectedBytes;
        }
        if (knownLayers == 0) {
            return -1;
        }
        return knownBytes + unsizedLayers * (knownBytes / knownLayers);
    }
}
