package io.github.harborupload.ui.shell;

import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.Services;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.settings.Settings;
import io.github.harborupload.ui.AppIcons;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.Theme;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The wizard's window: builds the shell for the chosen language, rebuilds it when the language
 * changes (the session keeps every field), and remembers the window's size.
 */
public final class WizardWindow {

    private static final double DEFAULT_WIDTH = 980;
    private static final double DEFAULT_HEIGHT = 720;
    private static final double MIN_WIDTH = 760;
    private static final double MIN_HEIGHT = 560;
    /** How long closing waits for a paused push's chunk in flight: long enough for most, short enough to close. */
    private static final Duration PAUSE_GRACE = Duration.ofSeconds(10);

    private final Stage stage;
    private final Services services;
    private final WizardContext context;
    private WizardShell shell;

    private WizardWindow(Stage stage, Services services, WizardContext context) {
        this.stage = stage;
        this.services = services;
        this.context = context;
    }

    /** Opens the wizard in {@code stage}; {@code browser} opens web pages. */
    public static WizardWindow open(Stage stage, Services services, Consumer<String> browser) {
        Settings settings = services.settings().load();
        UploadSession session = new UploadSession();
        session.setRegistry(settings.harborAddress());
        session.setUsername(settings.lastUsername());
        session.setPlatformUsername(settings.lastUsername());
        Language language = Language.fromCode(settings.language()).orElse(Language.ofSystem());
        WizardContext context = new WizardContext(services, session, settings, new Translator(language), browser);
        WizardWindow window = new WizardWindow(stage, services, context);
        context.setNavigator(step -> window.shell.show(step));
        window.build(Step.CREDENTIALS, settings);
        return window;
    }

    public WizardContext context() {
        return context;
    }

    public WizardShell shell() {
        return shell;
    }

    private void build(Step step, Settings settings) {
        shell = new WizardShell(context, this::close, this::chooseLanguage);
        Scene scene = new Scene(shell.load());
        scene.getStylesheets().addAll(Theme.stylesheet(), Theme.fontStylesheet());
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcons.all());
        // The window's own size, set on the stage: a scene size alone left a window manager free to
        // open it at its minimum (issue 15, item 4). Nothing larger than the screen, nor its minimum.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        double width = Math.min(settings.windowWidth() > 0 ? settings.windowWidth() : DEFAULT_WIDTH, screen.getWidth());
        double height = Math.min(settings.windowHeight() > 0 ? settings.windowHeight() : DEFAULT_HEIGHT, screen.getHeight());
        sizeAndCenter(width, height);
        // Under Openbox (JavaFX 21 on GTK) a size set before the window is mapped is dropped and the
        // window opens at its minimum, also when set in the shown handler itself; asked again once
        // the window is up, it holds (WindowSizeUnderWindowManagerIT).
        stage.setOnShown(shown -> Platform.runLater(() -> sizeAndCenter(width, height)));
        stage.setOnCloseRequest(event -> {
            if (confirmClose()) {
                shutDown();
            } else {
                event.consume();
            }
        });
        stage.setTitle(context.text("app.title"));
        shell.show(step);
    }

    private void sizeAndCenter(double width, double height) {
        stage.setWidth(width);
        stage.setHeight(height);
        stage.centerOnScreen();
    }

    /** The same window in another language: a new shell over the same session. */
    private void rebuild(Step step) {
        shell.dispose();
        shell = new WizardShell(context, this::close, this::chooseLanguage);
        stage.getScene().setRoot(shell.load());
        stage.setTitle(context.text("app.title"));
        shell.show(step);
    }

    private void chooseLanguage(Optional<Language> choice) {
        context.updateSettings(s -> s.withLanguage(choice.map(Language::code).orElse("")));
        context.setLanguage(choice.orElse(Language.ofSystem()));
        rebuild(shell.current());
    }

    private void close() {
        if (confirmClose()) {
            shutDown();
            stage.close();
        }
    }

    /**
     * Closing while a push runs pauses it where it can pause (the same push started again goes on,
     * issue 19), else stops it; ask first.
     */
    private boolean confirmClose() {
        if (!shell.isBusy()) {
            return true;
        }
        Optional<PushRun> pausable = context.session().push().filter(PushRun::canPause);
        String texts = pausable.isPresent() ? "close.pause" : "close.busy";
        boolean close = context.dialogs().confirm(stage, new DialogService.Question(Alert.AlertType.CONFIRMATION,
                context.text(texts + ".title"), context.text(texts + ".text"), context.text("button.cancel"),
                context.text(texts + ".stop")));
        if (close) {
            pausable.ifPresent(WizardWindow::pauseBeforeClosing);
        }
        return close;
    }

    /**
     * Pauses and waits briefly for the chunk in flight, so the cancel of {@link #shutDown()} finds
     * the push over. A chunk still sending after the wait is lost with the process, as with a kill:
     * the state on disk holds every chunk the registry confirmed.
     */
    private static void pauseBeforeClosing(PushRun run) {
        run.pause();
        try {
            run.completion().toCompletableFuture().get(PAUSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException paused) {
            // Paused (the expected outcome), or still sending: see above.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops what runs (a push), remembers the window's size and lets go of the engine. */
    public void shutDown() {
        context.session().push().ifPresent(run -> run.cancel());
        context.updateSettings(s -> s.withWindowSize(stage.getWidth(), stage.getHeight()));
        shell.dispose();
        services.close();
    }
}
