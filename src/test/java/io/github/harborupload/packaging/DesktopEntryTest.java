package io.github.harborupload.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import org.junit.jupiter.api.Test;

/** The Linux menu entry in packaging/linux/resources/ (jpackage fills in the APPLICATION_ values). */
class DesktopEntryTest {

    private static final Path RESOURCES = Path.of("packaging/linux/resources");

    @Test
    void windowEntryIsNamedInEnglishAndChinese() throws IOException {
        Map<String, String> entry = read("harbor-upload-wizard.desktop");

        assertEquals("Harbor Upload Wizard", entry.get("Name"));
        assertEquals("镜像上传向导", entry.get("Name[zh_CN]"));
        assertTrue(entry.get("Comment[zh_CN]").chars().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), "Comment[zh_CN] in Chinese");
        assertEquals("APPLICATION_LAUNCHER", entry.get("Exec"));
        assertEquals("APPLICATION_ICON", entry.get("Icon"));
        assertTrue(entry.get("Categories").endsWith(";"), "Categories is a ;-terminated list");
    }

    @Test
    void startupWmClassNamesTheJavaFxApplication() throws IOException, ClassNotFoundException {
        // JavaFX on GTK sets WM_CLASS to the Application subclass's name: a renamed class must be
        // renamed here too, or the task bar shows the window apart from its menu entry.
        String windowClass = read("harbor-upload-wizard.desktop").get("StartupWMClass");

        Class<?> application = Class.forName(windowClass, false, getClass().getClassLoader());
        assertTrue(Application.class.isAssignableFrom(application), windowClass + " is no javafx Application");
    }

    private static Map<String, String> read(String name) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                entry.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return entry;
    }
}
