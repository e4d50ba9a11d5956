package io.github.harborupload.docker;

import java.time.Duration;

/**
 * The engine accepted the connection but did not answer in time. A login check waits for the
 * registry, so this usually means the registry is slow or unreachable from the engine (a VPN that is
 * down, a proxy). Pushes never time out here: a push may be silent for a long time.
 */
public class EngineTimeoutException extends EngineException {

    private final Duration waited;

    public EngineTimeoutException(String endpoint, Duration waited, Throwable cause) {
        super("the Docker engine at " + endpoint + " did not answer within " + waited.toSeconds() + " s", cause);
        this.waited = waited;
    }

    public Duration waited() {
        return waited;
    }
}
