package io.github.harborupload.ui.push;

import io.github.harborupload.desktop.Notifier;
import io.github.harborupload.desktop.Notifiers;
import io.github.harborupload.desktop.TaskbarProgress;
import io.github.harborupload.flow.Environment;
import io.github.harborupload.ui.AppIcons;
import io.github.harborupload.ui.WizardContext;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What a push shows outside its own view, for a user who has turned to other work: the percentage
 * in the window's title ("45 % · Harbor Upload Wizard") and on the taskbar or dock icon while it
 * runs, and a system notification when it ends while the window is not the one in front.
 */
final class PushAttention {

    private final String appTitle;
    private final Consumer<String> windowTitle;
    private final BooleanSupplier windowFocused;
    private final Notifier notifier;
    private final TaskbarProgress taskbar;
    private int shownPercent = -1;

    PushAttention(String appTitle, Consumer<String> windowTitle, BooleanSupplier windowFocused, Notifier notifier,
                  TaskbarProgress taskbar) {
        this.appTitle = appTitle;
        this.windowTitle = windowTitle;
        this.windowFocused = windowFocused;
        this.notifier = notifier;
        this.taskbar = taskbar;
    }

    /** For the window that shows {@code view}, with the ways this computer notifies and shows progress. */
    static PushAttention of(WizardContext context, Node view) {
        Environment environment = context.environment();
        Notifier notifier = Notifiers.forComputer(environment.variables(), environment.osName(),
                AppIcons.class.getResource("icons/icon-64.png"));
        return new PushAttention(context.text("app.title"),
                title -> stage(view).ifPresent(stage -> stage.setTitle(title)),
                // Without a window there is no one to tell, and nothing to tell them in.
                () -> stage(view).map(Window::isFocused).orElse(true),
                notifier, TaskbarProgress.forComputer(environment.osName()));
    }

    /** While the push runs, at every refresh; the title and icon change only when the whole percent does. */
    void progress(double fraction) {
        int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        windowTitle.accept(percent + " % · " + appTitle);
        taskbar.show(percent);
    }

    /**
     * The push ended: title and icon as before it, and a notification if the user is in another
     * window. Only for a push this view saw running: one shown again after it ended says nothing.
     */
    void ended(String title, String message) {
        if (shownPercent < 0) {
            return;
        }
        shownPercent = -1;
        windowTitle.accept(appTitle);
        taskbar.show(-1);
        if (!windowFocused.getAsBoolean()) {
            notifier.show(title, message);
        }
    }

    private static Optional<Stage> stage(Node view) {
        return Optional.ofNullable(view.getScene()).map(Scene::getWindow)
                .filter(Stage.class::isInstance).map(Stage.class::cast);
    }
}
