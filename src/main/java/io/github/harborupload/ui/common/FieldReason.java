package io.github.harborupload.ui.common;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The line beside a field that says why its value is wrong, or that it is fine. */
public final class FieldReason {

    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    public static final PseudoClass OK = PseudoClass.getPseudoClass("ok");

    private FieldReason() {
    }

    /** Shows {@code text} beside {@code field} and gives the field's border the same tone. */
    public static void show(Control field, Label label, String text, PseudoClass tone) {
        show(label, text, tone);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !text.isEmpty() && tone == ERROR);
        field.pseudoClassStateChanged(Styles.STATE_WARNING, !text.isEmpty() && tone == WARNING);
    }

    /** Shows {@code text} in the given tone, or hides the label when the text is empty. */
    public static void show(Label label, String text, PseudoClass tone) {
        label.setText(text);
        // Never cut a reason short with "…" when the page is tight: it is the one line that explains.
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setVisible(!text.isEmpty());
        for (PseudoClass each : new PseudoClass[] {ERROR, WARNING, OK}) {
            label.pseudoClassStateChanged(each, each == tone);
        }
    }
}
