package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.credentials.CredentialRules;
import io.github.harborupload.credentials.PastedCredentials;
import io.github.harborupload.credentials.PastedCredentialsParser;
import io.github.harborupload.docker.config.RegistryKey;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Violation;
import java.util.Optional;

/**
 * Step 1: who the user is on Harbor. The fields come from a paste, from typing, or from a login
 * the Docker credential store already holds for the registry.
 */
public final class CredentialsStep {

    /** The longest text a paste may hold; a face refuses longer ones before they are read or shown. */
    public static final int MAX_PASTE_LENGTH = PastedCredentialsParser.MAX_LENGTH;

    private final Services services;

    public CredentialsStep(Services services) {
        this.services = services;
    }

    /**
     * Reads a paste and fills the session's fields with what it found. Fields the paste does not
     * mention keep what the user typed.
     */
    public PastedCredentials applyPaste(UploadSession session, String pasted) {
        session.setPastedText(pasted);
        PastedCredentials parsed = PastedCredentialsParser.parse(pasted);
        parsed.username().ifPresent(session::setUsername);
        parsed.password().ifPresent(session::setPassword);
        parsed.registry().ifPresent(session::setRegistry);
        return parsed;
    }

    /** The address as docker keys it: {@code https://host/} and {@code host/v2/} both give {@code host}. */
    public static String normalizeRegistry(String typed) {
        String trimmed = typed == null ? "" : typed.trim();
        return trimmed.isEmpty() ? "" : RegistryKey.hostname(trimmed);
    }

    /** Why the registry address cannot be used, if it cannot. */
    public static Optional<Text> registryProblem(String registry) {
        return HarborTarget.checkRegistry(normalizeRegistry(registry)).errors().stream().findFirst().map(Violation::message);
    }

    public static Optional<CredentialIssue> usernameIssue(String username) {
        return CredentialRules.checkUsername(username);
    }

    public static Optional<CredentialIssue> passwordIssue(String password) {
        return CredentialRules.checkPassword(password);
    }

    /** Whether the login step can start: a stored login was chosen, or the typed fields hold no error. */
    public static boolean isReady(UploadSession session) {
        if (registryProblem(session.registry()).isPresent()) {
            return false;
        }
        if (session.useStoredLogin()) {
            return true;
        }
        return usernameIssue(session.username()).filter(CredentialIssue::isError).isEmpty()
                && passwordIssue(session.password()).filter(CredentialIssue::isError).isEmpty();
    }

    /**
     * A login the Docker credential store holds for this registry. Slow when a credential helper is
     * configured: call it off the UI thread.
     *
     * @throws io.github.harborupload.docker.config.DockerConfigException when the store cannot be read
     */
    public Optional<Credential> findStoredLogin(String registry) {
        String host = normalizeRegistry(registry);
        return host.isEmpty() ? Optional.empty() : services.credentials().find(host);
    }

    /**
     * The stored login a push to this registry uses, for a face that has no login step of its own
     * (the command line). Slow when a credential helper is configured.
     *
     * @throws NotLoggedInException when none is stored
     * @throws io.github.harborupload.docker.config.DockerConfigException when the store cannot be read
     */
    public Credential requireStoredLogin(String registry) {
        return findStoredLogin(registry).orElseThrow(() -> new NotLoggedInException(normalizeRegistry(registry)));
    }
}
