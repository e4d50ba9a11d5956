package io.github.harborupload.platformserver;

import java.io.IOException;

/**
 * The registry behind the fake platform and the fake Harbor API: its accounts (what Harbor's user
 * API does for the platform) and its images. {@link HtpasswdRegistry} is the project's real local
 * registry; {@link InMemoryRegistry} stands in for it where no registry runs.
 */
public interface RegistryAccounts {

    /** The registry host as image links name it, e.g. {@code 127.0.0.1:5000}. */
    String host();

    /** Creates the user or replaces its password. */
    void setPassword(String user, String password) throws IOException;

    /** Deletes the user; nothing happens when there is none. */
    void remove(String user) throws IOException;

    /** Whether the registry accepts this login ({@code GET /v2/} answers 200). */
    boolean accepts(String user, String password) throws IOException;

    /** Whether the registry holds {@code repository:reference}. */
    boolean hasManifest(String repository, String reference) throws IOException;
}
