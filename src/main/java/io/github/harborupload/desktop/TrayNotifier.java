package io.github.harborupload.desktop;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.net.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows and macOS (and Linux desktops with a tray but no notify-send): a message from an icon in
 * the system tray or menu bar. The icon is added on the first message and stays until the program
 * ends, one for the whole program however many pushes it makes.
 */
final class TrayNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);
    private static TrayIcon trayIcon;

    private final URL icon;

    TrayNotifier(URL icon) {
        this.icon = icon;
    }

    /** On AWT's own thread: the caller is JavaFX's, and the two toolkits must not block each other. */
    @Override
    public void show(String title, String message) {
        EventQueue.invokeLater(() -> {
            try {
                trayIcon().displayMessage(title, message, TrayIcon.MessageType.INFO);
            } catch (AWTException | RuntimeException e) {
                LOG.debug("No notification: the system tray refused the icon ({})", e.toString());
            }
        });
    }

    private TrayIcon trayIcon() throws AWTException {
        synchronized (TrayNotifier.class) {
            if (trayIcon == null) {
                TrayIcon created = new TrayIcon(Toolkit.getDefaultToolkit().getImage(icon), SleepInhibitors.WHO);
                created.setImageAutoSize(true);
                SystemTray.getSystemTray().add(created);
                trayIcon = created;
            }
            return trayIcon;
        }
    }
}
