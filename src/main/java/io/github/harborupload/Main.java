package io.github.harborupload;

import io.github.harborupload.ui.WizardApplication;
import javafx.application.Application;

/**
 * The jar's entry point. It does not extend {@link Application}: a class that does cannot start
 * from a plain classpath jar, because the launcher then insists on JavaFX as named modules.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(WizardApplication.class, args);
    }
}
