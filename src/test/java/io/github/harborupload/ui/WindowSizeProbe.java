package io.github.harborupload.ui;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.ui.common.Theme;
import io.github.harborupload.ui.shell.WizardWindow;
import java.nio.file.Path;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the wizard's window as the application does, in a real window on {@code DISPLAY}, and
 * prints the size the window manager left it at: {@code window WIDTHxHEIGHT}, once the size has
 * not changed for {@value #SETTLED_SECONDS} seconds (a window manager's answers come within
 * milliseconds; the size asked for shows at once, before the answer, so the first look proves
 * nothing). Run by {@link WindowSizeUnderWindowManagerIT} in a JVM of its own (glass on GTK, not
 * Monocle). Argument: a folder for the settings and the Docker config.
 */
public final class WindowSizeProbe {

    private WindowSizeProbe() {
    }

    /** Through a class of its own: java refuses a main class that is an Application with JavaFX on the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The probe's JavaFX application. */
    public static final class Window extends Application {

        private static final int SETTLED_SECONDS = 3;
        private static final int GIVE_UP_SECONDS = 60;
        private static final int LOOKS_A_SECOND = 5;
        private String size = "";
        private int unchanged;
        private int looks;

        @Override
        public void start(Stage stage) {
            Path folder = Path.of(getParameters().getRaw().get(0));
            Environment environment = new Environment(Map.of(
                    "DOCKER_HOST", "unix://" + folder.resolve("no-engine.sock"),
                    "DOCKER_CONFIG", folder.resolve("docker-config").toString(),
                    AppFolders.OVERRIDE_VARIABLE, folder.resolve("app-config").toString(),
                    "PATH", "/usr/bin:/bin"), System.getProperty("os.name"), folder);
            Theme.detect(Map.of(), System.getProperty("os.name")).join().apply();
            WizardWindow.open(stage, new Services(environment), page -> { });
            stage.show();
            look(stage);
        }

        private void look(Stage stage) {
            PauseTransition next = new PauseTransition(Duration.millis(1000.0 / LOOKS_A_SECOND));
            next.setOnFinished(e -> {
                String now = Math.round(stage.getWidth()) + "x" + Math.round(stage.getHeight());
                unchanged = now.equals(size) ? unchanged + 1 : 0;
                size = now;
                if (unchanged >= SETTLED_SECONDS * LOOKS_A_SECOND || ++looks >= GIVE_UP_SECONDS * LOOKS_A_SECOND) {
                    System.out.println("window " + size);
                    Platform.exit();
                    System.exit(0);
                }
                look(stage);
            });
            next.play();
        }
    }
}
