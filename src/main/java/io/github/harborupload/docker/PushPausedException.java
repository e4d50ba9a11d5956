package io.github.harborupload.docker;

/**
 * The user paused the push: the chunk in flight was finished, then the upload stopped. What was
 * done is kept (the spool, the registry's upload sessions), so the same push started again goes on.
 */
public class PushPausedException extends EngineException {

    public PushPausedException() {
        super("push paused");
    }
}
