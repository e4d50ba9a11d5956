package io.github.harborupload.desktop;

import io.github.harborupload.docker.config.SearchPath;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The way this computer shows a notification, chosen from its OS name and the programs on its PATH. */
public final class Notifiers {

    private Notifiers() {
    }

    /** @param icon the picture beside the message where the system shows one (the tray's icon) */
    public static Notifier forComputer(Map<String, String> env, String osName, URL icon) {
        return choose(env, osName, icon, ProcessLauncher.SYSTEM,
                () -> !GraphicsEnvironment.isHeadless() && SystemTray.isSupported());
    }

    static Notifier choose(Map<String, String> env, String osName, URL icon, ProcessLauncher launcher,
                           BooleanSupplier traySupported) {
        if (OsKind.of(osName) == OsKind.LINUX) {
            // Most Linux desktops (GNOME above all) have no tray, but all of them have a notification
            // service, which notify-send reaches.
            Optional<Path> notifySend = new SearchPath(env, osName).find("notify-send");
            if (notifySend.isPresent()) {
                return new NotifySendNotifier(notifySend.get().toString(), launcher);
            }
        }
        return traySupported.getAsBoolean() ? new TrayNotifier(icon) : Notifier.NONE;
    }
}
