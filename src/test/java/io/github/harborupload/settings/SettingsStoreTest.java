package io.github.harborupload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileGivesTheDefaults() {
        Settings settings = new SettingsStore(folder).load();
        assertEquals(Settings.DEFAULT_HARBOR, settings.harborAddress());
        assertEquals(Settings.DEFAULT_PLATFORM, settings.platformAddress());
        assertEquals("", settings.language());
        assertEquals(Settings.PUSH_VIA_REGISTRY, settings.pushVia(), "the wizard's own push unless told otherwise");
    }

    @Test
    void whatIsSavedIsLoaded() throws IOException {
        SettingsStore store = new SettingsStore(folder.resolve("nested"));
        Settings saved = Settings.defaults().withLogin("127.0.0.1:5000", "alice")
                .withLanguage("zh").withWindowSize(900, 700).withPushVia(Settings.PUSH_VIA_ENGINE);
        store.save(saved);
        assertEquals(saved, store.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anUpdateSavesOnlyAChangeAndAFileThatCannotBeWrittenDoesNotStopIt() throws IOException {
        // Issue 14: the one way both faces change the settings (was written in WizardContext and CommandContext).
        SettingsStore store = new SettingsStore(folder);
        Settings unchanged = store.update(Settings.defaults(), settings -> settings);
        assertEquals(Settings.defaults(), unchanged);
        assertFalse(Files.exists(store.file()), "nothing changed, nothing written");
        Settings loggedIn = store.update(unchanged, settings -> settings.withLogin("harbor.example", "alice"));
        assertEquals(loggedIn, store.load());
        assertEquals("alice", store.load().lastUsername());

        SettingsStore blocked = new SettingsStore(Files.writeString(folder.resolve("a-file"), "not a folder"));
        assertEquals("zh", blocked.update(loggedIn, settings -> settings.withLanguage("zh")).language(),
                "the change holds for this run although it could not be saved");
    }

    @Test
    void aFieldOfTheWrongTypeFallsBackAloneAndUnknownFieldsAreIgnored() throws IOException {
        Files.writeString(folder.resolve("settings.json"),
                "{\"harborAddress\": 42, \"lastUsername\": \"bob\", \"windowWidth\": \"wide\", \"future\": true}");
        Settings settings = new SettingsStore(folder).load();
        assertEquals(Settings.DEFAULT_HARBOR, settings.harborAddress());
        assertEquals("bob", settings.lastUsername());
        assertEquals(0, settings.windowWidth());
    }

    @Test
    void aBrokenFileIsMovedAsideNotLost() throws IOException {
        Files.writeString(folder.resolve("settings.json"), "{ not json");
        Settings settings = new SettingsStore(folder).load();
        assertEquals(Settings.defaults(), settings);
        assertEquals("{ not json", Files.readString(folder.resolve("settings.json.invalid")));
    }

    @Test
    void eachOperatingSystemHasItsFolder() {
        Path home = Path.of("/home/ada");
        assertEquals(Path.of("/home/ada/.config/harbor-upload-wizard"), AppFolders.configFolder(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/harbor-upload-wizard"), AppFolders.configFolder(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home));
        assertEquals(home.resolve("Library/Application Support/harbor-upload-wizard"), AppFolders.configFolder(Map.of(), "Mac OS X", home));
        assertTrue(AppFolders.configFolder(Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"), "Windows 11", home)
                .toString().endsWith("harbor-upload-wizard"));
        assertEquals(Path.of("/tmp/portable"), AppFolders.configFolder(Map.of(AppFolders.OVERRIDE_VARIABLE, "/tmp/portable"), "Linux", home));
    }
}
