package io.github.harborupload.ui;

import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.LoginStep;
import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.Services;
import io.github.harborupload.flow.Step;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.settings.Settings;
import io.github.harborupload.ui.common.AlertDialogs;
import io.github.harborupload.ui.common.Background;
import io.github.harborupload.ui.common.DialogService;
import io.github.harborupload.ui.common.ProblemView;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Everything a step controller needs, handed to each one when its view is loaded: the flow's
 * steps and shared session, the language, the settings, and a way to move to another step.
 */
public final class WizardContext {

    public static final String BUNDLE = "io.github.harborupload.ui.messages";

    private final Services services;
    private final UploadSession session;
    private Translator translator;
    private final Consumer<String> browser;
    private final Executor background;
    private final DialogService dialogs;
    private Consumer<Step> navigator = step -> {
    };
    private Settings settings;

    public WizardContext(Services services, UploadSession session, Settings settings, Translator translator,
                         Consumer<String> browser) {
        this(services, session, settings, translator, browser, Background.DAEMONS, new AlertDialogs());
    }

    /** With the threads background work runs on and the way questions are asked: a test may give its own. */
    public WizardContext(Services services, UploadSession session, Settings settings, Translator translator,
                         Consumer<String> browser, Executor background, DialogService dialogs) {
        this.services = services;
        this.session = session;
        this.settings = settings;
        this.translator = translator;
        this.browser = browser;
        this.background = background;
        this.dialogs = dialogs;
    }

    /** Where {@link Background} work runs. */
    public Executor background() {
        return background;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Where {@link #goTo} leads: set by the shell that shows the steps. */
    public void setNavigator(Consumer<Step> navigator) {
        this.navigator = navigator;
    }

    public UploadSession session() {
        return session;
    }

    /** The machine the wizard runs on, as the flow sees it (tests and the demo point it elsewhere). */
    public Environment environment() {
        return services.environment();
    }

    public CredentialsStep credentialsStep() {
        return new CredentialsStep(services);
    }

    public LoginStep loginStep() {
        return new LoginStep(services);
    }

    public TagStep tagStep() {
        return new TagStep(services);
    }

    public PushPreparation pushPreparation() {
        return new PushPreparation(services);
    }

    public PushStep pushStep() {
        return new PushStep(services);
    }

    public PlatformAccess platformAccess() {
        return new PlatformAccess(services);
    }

    /** For the flow's calls that need the engine and what the user chose before (the import). */
    public Services services() {
        return services;
    }

    public Translator translator() {
        return translator;
    }

    /** Switches the language; the shell then reloads every view. */
    public void setLanguage(Language language) {
        translator = new Translator(language);
    }

    /**
     * The UI's own texts, as FXML {@code %key} and the widgets see them: each value passed through
     * the same message formatting as {@link #text}, so one apostrophe rule holds for every text.
     */
    public ResourceBundle texts() {
        ResourceBundle raw = translator.bundle(BUNDLE);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return raw.containsKey(key) ? translator.text(BUNDLE, key) : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return raw.getKeys();
            }
        };
    }

    /** A UI text with arguments. */
    public String text(String key, Object... args) {
        return translator.text(BUNDLE, key, args);
    }

    public String text(Text text) {
        return translator.text(text);
    }

    /** A Cancel button in the user's language (JavaFX's own speaks the JVM's). */
    public ButtonType cancelButton() {
        return new ButtonType(text("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    public ProblemView view(Problem problem) {
        return ProblemView.of(problem, translator);
    }

    public Settings settings() {
        return settings;
    }

    /** Changes the settings and saves them; a failure to save is logged, never shown as an error. */
    public void updateSettings(UnaryOperator<Settings> change) {
        settings = services.settings().update(settings, change);
    }

    /** Opens a web page in the user's browser. */
    public void openInBrowser(String url) {
        browser.accept(url);
    }

    public void goTo(Step step) {
        navigator.accept(step);
    }
}
