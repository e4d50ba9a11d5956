package io.github.harborupload.push;

/** Where one layer of a push stands, after the engine's status texts. */
public enum LayerState {
    PREPARING,
    WAITING,
    /** The project's own pusher reads this layer from the engine and compresses it; nothing sent yet. */
    COMPRESSING,
    PUSHING,
    /**
     * Every byte is sent; the registry is storing the layer (on object storage that can take minutes)
     * or the pusher is checking that it did, after a gateway gave up waiting.
     */
    CHECKING,
    PUSHED,
    /** The registry already had it: nothing to upload. */
    ALREADY_EXISTS,
    /** The registry copied it from another repository it already had: nothing to upload. */
    MOUNTED,
    /** The upload failed and the engine waits before it starts this layer again from 0. */
    RETRYING,
    /** The push ended in an error before this layer was done. */
    FAILED;

    /** The registry has this layer. */
    public boolean isDone() {
        return this == PUSHED || this == ALREADY_EXISTS || this == MOUNTED;
    }

    /** Done without sending its bytes, so it weighs nothing in the overall progress. */
    public boolean isSkipped() {
        return this == ALREADY_EXISTS || this == MOUNTED;
    }
}
