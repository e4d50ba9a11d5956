package io.github.harborupload;

import io.github.harborupload.cli.Cli;
import io.github.harborupload.ui.WizardApplication;
import javafx.application.Application;

/**
 * The jar's entry point: without arguments the wizard's window, with any argument the command line.
 *
 * <p>It does not extend {@link Application}: a class that does cannot start from a plain classpath
 * jar, because the launcher then insists on JavaFX as named modules. And JavaFX is named only in
 * {@link #openWizard}, which the command line never reaches, so no JavaFX class is even loaded
 * there: the commands run on a server with no display and no GTK.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            openWizard(args);
        } else {
            System.exit(Cli.main(args));
        }
    }

    private static void openWizard(String[] args) {
        Application.launch(WizardApplication.class, args);
    }
}
