package io.github.harborupload.cli;

import io.github.harborupload.flow.Services;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.settings.Settings;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** What every command works with: the flow's services, the user's language, the terminal, Ctrl-C. */
final class CommandContext {

    static final String BUNDLE = Program.BUNDLE;

    private final Services services;
    private final Translator translator;
    private final Terminal terminal;
    private final CancelSignal cancelSignal;
    private final BooleanSupplier verbose;

    CommandContext(Services services, Translator translator, Terminal terminal, CancelSignal cancelSignal,
                   BooleanSupplier verbose) {
        this.services = services;
        this.translator = translator;
        this.terminal = terminal;
        this.cancelSignal = cancelSignal;
        this.verbose = verbose;
    }

    Services services() {
        return services;
    }

    Translator translator() {
        return translator;
    }

    Terminal terminal() {
        return terminal;
    }

    CancelSignal cancelSignal() {
        return cancelSignal;
    }

    PrintStream out() {
        return terminal.out();
    }

    PrintStream err() {
        return terminal.err();
    }

    /** Whether --verbose was given: problems then show their technical detail. */
    boolean verbose() {
        return verbose.getAsBoolean();
    }

    /** A text of this package's bundle in the user's language. */
    String text(String key, Object... args) {
        return translator.text(BUNDLE, key, args);
    }

    String text(Text text) {
        return translator.text(text);
    }

    Settings settings() {
        return services.settings().load();
    }

    /** Changes the settings as the wizard does; a settings file that cannot be written is only logged. */
    void updateSettings(UnaryOperator<Settings> change) {
        services.settings().update(settings(), change);
    }
}
