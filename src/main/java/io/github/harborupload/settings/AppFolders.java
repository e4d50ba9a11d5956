package io.github.harborupload.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the wizard keeps its own files: the per-user configuration folder each operating system
 * expects. {@code HARBOR_UPLOAD_CONFIG_DIR} overrides it (tests, the demo, portable use).
 */
public final class AppFolders {

    public static final String OVERRIDE_VARIABLE = "HARBOR_UPLOAD_CONFIG_DIR";
    private static final String FOLDER_NAME = "harbor-upload-wizard";

    private AppFolders() {
    }

    public static Path configFolder(Map<String, String> env, String osName, Path home) {
        String override = env.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase();
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve(FOLDER_NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(FOLDER_NAME);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return base.resolve(FOLDER_NAME);
    }

    /**
     * Where the pusher keeps what it can make again but would rather not: the spool of compressed
     * layers and the record of layers pushed before. Each OS's cache folder, which backups skip and
     * cleaners may empty; under the override folder when one is set.
     */
    public static Path cacheFolder(Map<String, String> env, String osName, Path home) {
        String override = env.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("cache");
        }
        String os = osName.toLowerCase();
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData == null || localAppData.isBlank()
                    ? home.resolve("AppData").resolve("Local") : Path.of(localAppData);
            return base.resolve(FOLDER_NAME).resolve("cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve(FOLDER_NAME);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".cache") : Path.of(xdg);
        return base.resolve(FOLDER_NAME);
    }

    /** The folder for this process: its environment, OS and home. */
    public static Path configFolder() {
        return configFolder(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
