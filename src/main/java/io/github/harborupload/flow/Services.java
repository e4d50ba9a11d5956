package io.github.harborupload.flow;

import io.github.harborupload.desktop.SleepInhibitor;
import io.github.harborupload.desktop.SleepInhibitors;
import io.github.harborupload.desktop.SystemNetwork;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.config.CredentialHelper;
import io.github.harborupload.docker.config.DockerConfigFolder;
import io.github.harborupload.docker.config.EngineLocator;
import io.github.harborupload.docker.config.RegistryCredentials;
import io.github.harborupload.platform.SessionStore;
import io.github.harborupload.pusher.Pusher;
import io.github.harborupload.registry.TrustRoots;
import io.github.harborupload.platform.SessionStores;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.settings.PlatformChoices;
import io.github.harborupload.settings.SettingsStore;
import io.github.harborupload.settings.UploadHistory;
import java.nio.file.Path;

/**
 * The outside world the flow works with, made from one {@link Environment}: the Docker engine, the
 * Docker credential store, the settings file, the way to keep the computer awake. The engine is
 * found on first use, so a window can open before Docker is running; each call connects afresh, so
 * "start Docker, then Retry" works.
 */
public final class Services implements AutoCloseable {

    private final Environment environment;
    private final DockerConfigFolder dockerConfig;
    private final RegistryCredentials credentials;
    private final SettingsStore settings;
    private final SleepInhibitor sleepInhibitor;
    private final SessionStore sessions;
    private final PlatformChoices platformChoices;
    private final UploadHistory uploadHistory;
    private DockerEngine engine;
    private Pusher pusher;
    private TrustRoots registryTrust;

    public Services(Environment environment) {
        this.environment = environment;
        this.dockerConfig = DockerConfigFolder.locate(environment.variables(), environment.home());
        this.credentials = new RegistryCredentials(dockerConfig, environment.variables(), environment.osName(),
                CredentialHelper.DEFAULT_TIMEOUT);
        Path appFolder = AppFolders.configFolder(environment.variables(), environment.osName(), environment.home());
        this.settings = new SettingsStore(appFolder);
        this.sessions = SessionStores.forComputer(appFolder, environment.variables(), environment.osName());
        this.platformChoices = new PlatformChoices(appFolder);
        this.uploadHistory = new UploadHistory(appFolder);
        this.sleepInhibitor = SleepInhibitors.forComputer(environment.variables(), environment.osName());
    }

    public Environment environment() {
        return environment;
    }

    public RegistryCredentials credentials() {
        return credentials;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** Where "stay signed in" keeps platform sessions: the system keychain, or an owner-only file. */
    public SessionStore sessions() {
        return sessions;
    }

    /** How this computer is kept awake while a push runs. */
    /** The sign-in method and import tags the user chose last time. */
    public PlatformChoices platformChoices() {
        return platformChoices;
    }

    /** The uploads made from this computer: the flow records each push and import in it. */
    public UploadHistory uploadHistory() {
        return uploadHistory;
    }

    public SleepInhibitor sleepInhibitor() {
        return sleepInhibitor;
    }

    /**
     * The engine, located the way the docker CLI locates it.
     *
     * @throws io.github.harborupload.docker.config.ContextNotFoundException when the chosen context does not exist
     */
    public synchronized DockerEngine engine() {
        if (engine == null) {
            EngineLocation location = new EngineLocator(dockerConfig, environment.variables(), environment.osName()).locate();
            engine = DockerEngine.connect(location);
        }
        return engine;
    }

    /** The project's own pusher, with its threads; made on first use. */
    public synchronized Pusher pusher() {
        if (pusher == null) {
            pusher = new Pusher(environment.variables(), environment.home(),
                    AppFolders.cacheFolder(environment.variables(), environment.osName(), environment.home()),
                    registryTrust());
        }
        return pusher;
    }

    /**
     * The certificates a registry may be signed by: Java's and the system's store (Windows, the
     * macOS keychain), read once, for the push and for every check that reaches a registry as it does.
     */
    public synchronized TrustRoots registryTrust() {
        if (registryTrust == null) {
            registryTrust = SystemNetwork.registryTrust(environment.osName());
        }
        return registryTrust;
    }

    @Override
    public synchronized void close() {
        if (pusher != null) {
            pusher.close();
            pusher = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
