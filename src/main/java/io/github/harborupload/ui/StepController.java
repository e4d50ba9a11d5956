package io.github.harborupload.ui;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * What the wizard shell asks of each step's controller. Controllers stay thin: they bind their
 * view to the session and call the flow; the rules live in {@code flow}.
 */
public interface StepController {

    /** Whether Next may be pressed now. */
    ObservableBooleanValue nextAllowed();

    /** Whether Next is the step's main action, pressed by Enter and styled so; a step may have another. */
    default ObservableBooleanValue nextIsMainAction() {
        return new ReadOnlyBooleanWrapper(true);
    }

    /** True while background work runs; Back and Next wait for it. */
    default ObservableBooleanValue busy() {
        return new ReadOnlyBooleanWrapper(false);
    }

    /** The step became the current one (each time, also after Back). */
    default void entered() {
    }

    /** Next was pressed: do the step's work, then call {@code advance} (or show a problem). */
    default void next(Runnable advance) {
        advance.run();
    }

    /** Cancel was pressed on this step; true when the step dealt with it (e.g. stopped a push). */
    default boolean cancel() {
        return false;
    }

    /** The view is being thrown away (the language changed, the window closed): stop timers. */
    default void dispose() {
    }

    /** The control that gets the keyboard focus when the step appears; null for the Next button. */
    Node initialFocus();
}
