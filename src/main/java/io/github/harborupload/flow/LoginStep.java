package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;

/** Step 2: the registry accepts the credential (checked through the engine), and it is stored. */
public final class LoginStep {

    private final Services services;

    public LoginStep(Services services) {
        this.services = services;
    }

    /**
     * Checks the credential through the Docker engine, as {@code docker login} does, then stores
     * it where {@code docker login} would. A stored login that is checked again is not rewritten.
     * Blocking.
     *
     * @return where the login is kept
     * @throws io.github.harborupload.docker.EngineException when the engine or the registry refuses
     */
    /**
     * Whether the registry refused the username and password themselves (it answered 401), as
     * opposed to not being reached: trying again would send the same password, so the user edits it.
     */
    public static boolean refusedCredential(Problem problem) {
        return problem.type() == ProblemType.LOGIN_FAILED;
    }

    public CredentialStore login(String registry, Credential credential, boolean alreadyStored) {
        services.engine().checkLogin(registry, credential);
        return alreadyStored
                ? services.credentials().storeFor(registry)
                : services.credentials().store(registry, credential);
    }
}
