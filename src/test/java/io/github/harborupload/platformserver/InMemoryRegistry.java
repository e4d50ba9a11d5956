package io.github.harborupload.platformserver;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts and images in memory, for contract tests that need no Docker stack. */
public final class InMemoryRegistry implements RegistryAccounts {

    private final String host;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Set<String> manifests = new HashSet<>();

    public InMemoryRegistry(String host) {
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void setPassword(String user, String password) {
        passwords.put(user, password);
    }

    @Override
    public void remove(String user) {
        passwords.remove(user);
    }

    @Override
    public boolean accepts(String user, String password) {
        return password.equals(passwords.get(user));
    }

    /** Makes {@code repository:reference} exist, as a push would. */
    public synchronized InMemoryRegistry withManifest(String repository, String reference) {
        manifests.add(repository + ":" + reference);
        return this;
    }

    @Override
    public synchronized boolean hasManifest(String repository, String reference) {
        return manifests.contains(repository + ":" + reference);
    }
}
