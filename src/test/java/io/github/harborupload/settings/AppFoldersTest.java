package io.github.harborupload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each OS's cache folder, from the OS's own conventions (XDG base directories, Apple's and Microsoft's). */
class AppFoldersTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void linuxUsesXdgCacheHomeElseDotCache() {
        assertEquals(Path.of("/home/alice/.cache/harbor-upload-wizard"), AppFolders.cacheFolder(Map.of(), "Linux", HOME));
        assertEquals(Path.of("/var/cache/alice/harbor-upload-wizard"),
                AppFolders.cacheFolder(Map.of("XDG_CACHE_HOME", "/var/cache/alice"), "Linux", HOME));
    }

    @Test
    void macOsUsesLibraryCaches() {
        assertEquals(Path.of("/home/alice/Library/Caches/harbor-upload-wizard"), AppFolders.cacheFolder(Map.of(), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesLocalAppDataNotTheRoamingProfile() {
        // A spool of gigabytes must not roam with the profile.
        assertEquals(Path.of("C:/Users/alice/AppData/Local/harbor-upload-wizard/cache"),
                AppFolders.cacheFolder(Map.of("LOCALAPPDATA", "C:/Users/alice/AppData/Local"), "Windows 11", HOME));
    }

    @Test
    void theOverrideKeepsTheCacheBesideTheSettings() {
        assertEquals(Path.of("/tmp/demo/cache"),
                AppFolders.cacheFolder(Map.of(AppFolders.OVERRIDE_VARIABLE, "/tmp/demo"), "Linux", HOME));
    }
}
