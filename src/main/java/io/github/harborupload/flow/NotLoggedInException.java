package io.github.harborupload.flow;

/**
 * The credential store holds no login for the registry a push goes to. The message uses the
 * docker CLI's own words for this case ("no basic auth credentials"), so the problems layer names
 * it {@link io.github.harborupload.problems.ProblemType#NOT_LOGGED_IN} like the engine's error.
 */
public final class NotLoggedInException extends RuntimeException {

    private final String registry;

    public NotLoggedInException(String registry) {
        super("no basic auth credentials for " + registry + ": no login is stored for it");
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }
}
