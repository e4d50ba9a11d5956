package io.github.harborupload.desktop;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Linux: {@code notify-send}, which hands the notification to the desktop's notification service over D-Bus. */
final class NotifySendNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(NotifySendNotifier.class);

    private final String program;
    private final ProcessLauncher launcher;

    NotifySendNotifier(String program, ProcessLauncher launcher) {
        this.program = program;
        this.launcher = launcher;
    }

    @Override
    public void show(String title, String message) {
        // "--" ends the options, so a title or message starting with "-" is shown, not parsed.
        List<String> command = List.of(program, "--app-name=" + SleepInhibitors.WHO, "--", title, message);
        try {
            launcher.start(command);
        } catch (IOException e) {
            LOG.debug("No notification: {} did not start ({})", program, e.getMessage());
        }
    }
}
