package io.github.harborupload.docker;

/** The engine's login check against the registry failed; the message is the engine's text. */
public class RegistryLoginException extends EngineException {

    private final String registry;

    public RegistryLoginException(String registry, String message, Throwable cause) {
        super(message, cause);
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }
}
