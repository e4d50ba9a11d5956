package io.github.harborupload.credentials;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PastedCredentialsParser} found in a paste: the values it could read and the issues
 * (errors and warnings) to show. Values are partial on purpose: a username found without a password
 * still fills the username field. {@link #toString()} never shows the password.
 */
public final class PastedCredentials {

    private final String username;
    private final String password;
    private final String registry;
    private final String project;
    private final List<CredentialIssue> issues;

    PastedCredentials(String username, String password, String registry, String project, List<CredentialIssue> issues) {
        this.username = username;
        this.password = password;
        this.registry = registry;
        this.project = project;
        this.issues = List.copyOf(issues);
    }

    static PastedCredentials only(CredentialIssue issue) {
        return new PastedCredentials(null, null, null, null, List.of(issue));
    }

    /** The Harbor username, from its label or else from the project name {@code user-<name>}. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The password as pasted, never the dotted placeholder. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The registry host, with {@code :port} if one was given, without scheme or path. */
    public Optional<String> registry() {
        return Optional.ofNullable(registry);
    }

    /** The Harbor project name as pasted, such as {@code user-alice}. */
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** Errors first in the order found, then warnings; empty when all is well. */
    public List<CredentialIssue> issues() {
        return issues;
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(CredentialIssue::isError);
    }

    /** Present when both a username and a password were found; warnings may still apply. */
    public Optional<Credential> credential() {
        return username != null && password != null ? Optional.of(new Credential(username, password)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PastedCredentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", registry=" + registry + ", project=" + project + ", issues=" + issues + "]";
    }
}
