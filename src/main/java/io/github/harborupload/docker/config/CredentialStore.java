package io.github.harborupload.docker.config;

import io.github.harborupload.i18n.Text;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Where a registry's login is kept: by a credential helper, or in {@code config.json} itself.
 *
 * @param helper     the helper's name (as in {@code credsStore}), or null when the file keeps it
 * @param configFile the {@code config.json} in play (with a helper it still holds an empty entry)
 */
public record CredentialStore(String helper, Path configFile) {

    /** Helpers that hand the secret to the operating system's keychain. */
    private static final Set<String> KEYCHAINS = Set.of("secretservice", "osxkeychain", "wincred", "desktop");
    private static final String BUNDLE = "io.github.harborupload.docker.config.messages";

    public CredentialStore {
        Objects.requireNonNull(configFile, "configFile");
    }

    public static CredentialStore helper(String helper, Path configFile) {
        return new CredentialStore(Objects.requireNonNull(helper, "helper"), configFile);
    }

    public static CredentialStore file(Path configFile) {
        return new CredentialStore(null, configFile);
    }

    public boolean isHelper() {
        return helper != null;
    }

    /** Whether the secret ends up in the system keychain rather than in a file or another tool. */
    public boolean isKeychain() {
        return isHelper() && KEYCHAINS.contains(helper);
    }

    /**
     * A noun phrase for "saved in …": "the system keychain (secretservice)", "the credential
     * helper docker-credential-pass", or "the Docker config file /home/me/.docker/config.json".
     */
    public Text description() {
        if (isKeychain()) {
            return Text.of(BUNDLE, "store.keychain", helper);
        }
        if (isHelper()) {
            return Text.of(BUNDLE, "store.helper", CredentialHelper.PROGRAM_PREFIX + helper);
        }
        return Text.of(BUNDLE, "store.file", configFile.toString());
    }
}
