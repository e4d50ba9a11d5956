package io.github.harborupload.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.github.harborupload.desktop.FontFamilies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.text.Font;

/**
 * Light or dark, following the operating system where it can be read (JavaFX 21 has no API for
 * it), and {@code HARBOR_UPLOAD_THEME=light|dark} to force one.
 */
public enum Theme {
    LIGHT,
    DARK;

    private static final String STYLESHEET = "/io/github/harborupload/ui/wizard.css";

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The app's own stylesheet, added to every scene on top of the theme. */
    public static String stylesheet() {
        return Theme.class.getResource(STYLESHEET).toExternalForm();
    }

    /**
     * The fonts of this system, installed ones only, as a stylesheet to add after {@link #stylesheet()}
     * (a data URI, which JavaFX reads since 17). See {@link FontFamilies}.
     */
    public static String fontStylesheet() {
        return fontStylesheet(FontFamilies.choose(System.getProperty("os.name"), Set.copyOf(Font.getFamilies())));
    }

    static String fontStylesheet(FontFamilies families) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(families.css().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts reading the system's preference in the background: asking the OS takes a process
     * start, which should not sit on the way to the first window.
     */
    public static CompletableFuture<Theme> detect(Map<String, String> env, String osName) {
        String forced = env.getOrDefault("HARBOR_UPLOAD_THEME", "").toLowerCase(Locale.ROOT);
        if (forced.equals("dark")) {
            return CompletableFuture.completedFuture(DARK);
        }
        if (forced.equals("light")) {
            return CompletableFuture.completedFuture(LIGHT);
        }
        return CompletableFuture.supplyAsync(() -> fromSystem(osName.toLowerCase(Locale.ROOT)));
    }

    private static Theme fromSystem(String os) {
        if (os.startsWith("windows")) {
            String out = ask("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme");
            return out.contains("0x0") ? DARK : LIGHT;
        }
        if (os.startsWith("mac")) {
            return ask("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark") ? DARK : LIGHT;
        }
        String scheme = ask("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        if (scheme.contains("dark")) {
            return DARK;
        }
        return ask("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").toLowerCase(Locale.ROOT)
                .contains("dark") ? DARK : LIGHT;
    }

    /** A command's output, or "" when it is missing, fails or takes more than a second. */
    private static String ask(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
