package io.github.harborupload.ui;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.ui.common.Theme;
import io.github.harborupload.ui.common.UnexpectedErrors;
import io.github.harborupload.ui.shell.WizardWindow;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: one window, the wizard. */
public final class WizardApplication extends Application {

    private final Environment environment = Environment.current();

    /** Starts JavaFX and shows the wizard; returns when the window is closed. */
    public static void open() {
        Application.launch(WizardApplication.class);
    }
    private CompletableFuture<Theme> theme;

    /** Runs before the toolkit starts: asking the OS for its theme overlaps with that start. */
    @Override
    public void init() {
        theme = Theme.detect(environment.variables(), environment.osName());
    }

    @Override
    public void start(Stage stage) {
        theme.join().apply();
        WizardWindow window = WizardWindow.open(stage, new Services(environment), getHostServices()::showDocument);
        UnexpectedErrors.install(() -> window.context().translator(), () -> window.context().texts());
        stage.show();
    }
}
