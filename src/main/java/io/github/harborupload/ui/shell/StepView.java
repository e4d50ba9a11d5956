package io.github.harborupload.ui.shell;

import io.github.harborupload.flow.Step;
import io.github.harborupload.ui.StepController;
import io.github.harborupload.ui.WizardContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/** A step's view loaded from its FXML, with the controller FXML made for it. */
record StepView(Parent root, StepController controller) {

    static StepView load(Step step, WizardContext context) {
        // The push step too: its scroll pane fits the view to the window while the layer table can
        // shrink, and scrolls only below that, when a finished push's result and the offer to remove
        // the local tag no longer fit the smallest window; without it, that pushed Back and Next out.
        return load(fxmlOf(step), context).whole();
    }

    /** This view with its words kept whole, scrolling when the window is too small for them. */
    private StepView whole() {
        WholeText.keep(root);
        // A step that scrolls by itself (credentials) is not put in a second scroll pane.
        return new StepView(root instanceof ScrollPane ? root : WholeText.scrolling(root), controller);
    }

    static <T> T loadShell(String resource, WizardContext context, Object controller, Class<T> rootType) {
        FXMLLoader loader = new FXMLLoader(StepView.class.getResource(resource), context.texts());
        loader.setController(controller);
        try {
            return rootType.cast(loader.load());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    private static StepView load(String resource, WizardContext context) {
        FXMLLoader loader = new FXMLLoader(StepView.class.getResource(resource), context.texts());
        loader.setControllerFactory(type -> create(type, context));
        try {
            Parent root = loader.load();
            return new StepView(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    /** Controllers take the context in their constructor, nothing else. */
    private static Object create(Class<?> type, WizardContext context) {
        try {
            return type.getConstructor(WizardContext.class).newInstance(context);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public constructor taking a WizardContext", e);
        }
    }

    private static String fxmlOf(Step step) {
        String base = "/io/github/harborupload/ui/";
        return switch (step) {
            case CREDENTIALS -> base + "credentials/CredentialsStep.fxml";
            case LOGIN -> base + "login/LoginStep.fxml";
            case TAG -> base + "tag/TagStep.fxml";
            case PUSH -> base + "push/PushStep.fxml";
            case IMPORT -> base + "importing/ImportStep.fxml";
            case DONE -> base + "done/DoneStep.fxml";
        };
    }
}
