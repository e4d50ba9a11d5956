package io.github.harborupload.docker.config;

import io.github.harborupload.credentials.Credential;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Registry logins kept the way {@code docker login} keeps them, so the docker CLI and this program
 * see the same ones. For each registry the store is chosen as the CLI chooses it: its
 * {@code credHelpers} entry, else {@code credsStore}, else {@code auths} in {@code config.json}.
 * When the file has no login settings at all, the platform's keychain helper is used if it is
 * installed (osxkeychain, wincred; on Linux pass when the {@code pass} program is there, else
 * secretservice), and remembered as {@code credsStore}, as the CLI does.
 *
 * <p>Each call reads {@code config.json} afresh and writes it back (atomically) only when it
 * changes, so logins made meanwhile with the CLI are neither missed nor lost.
 */
public final class RegistryCredentials {

    private final DockerConfigFolder folder;
    private final Map<String, String> env;
    private final String osName;
    private final Duration helperTimeout;
    private final SearchPath searchPath;

    /**
     * @param env           the environment: PATH finds the helpers, which run with it
     * @param osName        Java's {@code os.name}
     * @param helperTimeout how long one helper call may take
     */
    public RegistryCredentials(DockerConfigFolder folder, Map<String, String> env, String osName,
                               Duration helperTimeout) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.env = Map.copyOf(env);
        this.osName = Objects.requireNonNull(osName, "osName");
        this.helperTimeout = Objects.requireNonNull(helperTimeout, "helperTimeout");
        this.searchPath = new SearchPath(env, osName);
    }

    /** For this process's environment, the user's config folder and {@link CredentialHelper#DEFAULT_TIMEOUT}. */
    public static RegistryCredentials forCurrentUser() {
        return new RegistryCredentials(DockerConfigFolder.forCurrentUser(), System.getenv(),
                System.getProperty("os.name"), CredentialHelper.DEFAULT_TIMEOUT);
    }

    /** The {@code config.json} this reads and writes. */
    public Path configFile() {
        return folder.configFile();
    }

    /**
     * Where a login for this registry is (or would be) kept.
     *
     * @throws ConfigFileException when {@code config.json} cannot be read or is invalid
     */
    public CredentialStore storeFor(String registry) {
        return storeFor(readConfig(), registry);
    }

    /**
     * The stored login for this registry (any spelling: {@code host}, {@code https://host/},
     * {@code host/v1/}), or empty when there is none, including when its helper says "not found".
     *
     * @throws ConfigFileException       when {@code config.json} cannot be read or is invalid
     * @throws CredentialHelperException when the registry's helper is missing or fails
     */
    public Optional<Credential> find(String registry) {
        DockerConfigFile config = readConfig();
        CredentialStore store = storeFor(config, registry);
        if (!store.isHelper()) {
            return config.credential(registry);
        }
        CredentialHelper helper = helper(store.helper());
        for (String serverUrl : serverUrls(config, registry)) {
            Optional<Credential> found = helper.get(serverUrl);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the login as {@code docker login} would: through the registry's helper, leaving an
     * {@code auths} entry without secrets behind, or as a base64 {@code auth} in {@code auths}.
     *
     * @return where it was stored, for telling the user
     * @throws ConfigFileException       when {@code config.json} cannot be read, is invalid (it is then
     *                                   left alone) or cannot be written (the old file stays)
     * @throws CredentialHelperException when the helper is missing or fails; the file is then unchanged
     */
    public CredentialStore store(String registry, Credential credential) {
        DockerConfigFile config = readConfig();
        CredentialStore store = storeFor(config, registry);
        if (store.isHelper()) {
            helper(store.helper()).store(RegistryKey.of(registry), credential);
            if (!config.containsAuth()) {
                config.setCredsStore(store.helper());
            }
            config.putHelperMarker(registry);
        } else {
            config.putCredential(registry, credential);
        }
        config.write();
        return store;
    }

    /**
     * Forgets the login for this registry, as {@code docker logout} does: from its helper (under
     * every spelling the file knows) and every {@code auths} entry for it. Nothing stored is no error.
     *
     * @throws ConfigFileException       as {@link #store}
     * @throws CredentialHelperException when the helper is missing or fails
     */
    public void erase(String registry) {
        DockerConfigFile config = readConfig();
        CredentialStore store = storeFor(config, registry);
        if (store.isHelper()) {
            CredentialHelper helper = helper(store.helper());
            serverUrls(config, registry).forEach(helper::erase);
        }
        if (config.removeCredentials(registry)) {
            config.write();
        }
    }

    private DockerConfigFile readConfig() {
        return DockerConfigFile.read(folder.configFile());
    }

    private CredentialStore storeFor(DockerConfigFile config, String registry) {
        Optional<String> helper = config.credentialHelper(registry).or(config::credsStore);
        if (helper.isEmpty() && !config.containsAuth()) {
            helper = platformKeychain();
        }
        // An empty credHelpers entry sends this registry to the file even when credsStore is set.
        return helper.filter(name -> !name.isEmpty())
                .map(name -> CredentialStore.helper(name, config.file()))
                .orElseGet(() -> CredentialStore.file(config.file()));
    }

    /** The CLI's {@code DetectDefaultStore}: the platform's keychain helper, if it is installed. */
    private Optional<String> platformKeychain() {
        String platformDefault = switch (OsFamily.of(osName)) {
            case MAC -> "osxkeychain";
            case WINDOWS -> "wincred";
            case LINUX -> searchPath.find("pass").isPresent() ? "pass" : "secretservice";
            case OTHER -> null;
        };
        return Optional.ofNullable(platformDefault).filter(name -> helper(name).isInstalled());
    }

    /** The registry's own key first, then the older spellings the file has entries for. */
    private static Set<String> serverUrls(DockerConfigFile config, String registry) {
        Set<String> serverUrls = new LinkedHashSet<>();
        serverUrls.add(RegistryKey.of(registry));
        serverUrls.addAll(config.authKeys(registry));
        return serverUrls;
    }

    private CredentialHelper helper(String name) {
        return new CredentialHelper(name, env, osName, helperTimeout);
    }
}
