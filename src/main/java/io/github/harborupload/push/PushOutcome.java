package io.github.harborupload.push;

/** How a push stands as a whole. */
public enum PushOutcome {
    RUNNING,
    /** The registry has the manifest: the digest is known. */
    SUCCEEDED,
    /** The engine's stream ended in an error. */
    FAILED
}
