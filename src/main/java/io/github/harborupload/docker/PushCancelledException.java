package io.github.harborupload.docker;

/** The user cancelled the push; the engine stopped it when the stream was closed. */
public class PushCancelledException extends EngineException {

    public PushCancelledException() {
        super("push cancelled");
    }
}
