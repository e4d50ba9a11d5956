package io.github.harborupload;

import io.github.harborupload.cli.Cli;
import io.github.harborupload.desktop.SystemNetwork;
import io.github.harborupload.ui.WizardApplication;

/**
 * The jar's entry point: without arguments the wizard's window, with any argument the command line.
 *
 * <p>It does not extend JavaFX's {@code Application}: a class that does cannot start from a plain
 * classpath jar, because the launcher then insists on JavaFX as named modules. And JavaFX is
 * reached only through {@link WizardApplication#open}, which the command line never calls, so no
 * JavaFX class is even loaded there: the commands run on a server with no display and no GTK.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        SystemNetwork.useSystemSettings(System.getProperty("os.name"));
        if (args.length == 0) {
            WizardApplication.open();
        } else {
            System.exit(Cli.main(args));
        }
    }
}
