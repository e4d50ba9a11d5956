package io.github.harborupload.desktop;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;
import org.slf4j.LoggerFactory;

/**
 * The push's percentage on the program's taskbar or dock icon, where {@link Taskbar} can show it for
 * the whole program (macOS's dock). Linux's desktops have no such thing in Java, and Windows offers
 * it only per AWT window (the wizard's window is JavaFX's); there this shows nothing.
 */
public interface TaskbarProgress {

    /** Shows nothing. */
    TaskbarProgress NONE = percent -> {
    };

    /** Shows {@code percent} (0 to 100), or takes the progress off the icon when it is negative. Never throws. */
    void show(int percent);

    /** Linux is never asked: asking would start AWT's toolkit beside JavaFX's for nothing. */
    static TaskbarProgress forComputer(String osName) {
        if (OsKind.of(osName) == OsKind.LINUX || GraphicsEnvironment.isHeadless() || !Taskbar.isTaskbarSupported()
                || !Taskbar.getTaskbar().isSupported(Taskbar.Feature.PROGRESS_VALUE)) {
            return NONE;
        }
        // On AWT's own thread: the caller is JavaFX's, and the two toolkits must not wait for each other.
        return percent -> EventQueue.invokeLater(() -> {
            try {
                Taskbar.getTaskbar().setProgressValue(percent);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(TaskbarProgress.class).debug("No progress on the dock icon ({})", e.toString());
            }
        });
    }
}
