package io.github.harborupload.ui.platform;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.AuthMode;
import io.github.harborupload.platform.SignInMethod;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The kind of account, shown when (and only when) the platform signs in both its LDAP accounts and
 * its own: labelled as the platform's tabs are ({@code {ldapAlias} 登录}, {@code 普通登录},
 * frontend/src/routes/auth/index.tsx), with its LDAP help text; the kind used last comes selected.
 */
final class MethodChoice {

    private final WizardContext context;
    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton ldap = new RadioButton();
    private final RadioButton normal = new RadioButton();
    private final Label help = new Label();
    private final VBox box;

    MethodChoice(WizardContext context) {
        this.context = context;
        ldap.setId("platformMethodLdap");
        normal.setId("platformMethodNormal");
        ldap.setToggleGroup(group);
        normal.setToggleGroup(group);
        normal.setText(context.text("platform.method.normal"));
        help.setWrapText(true);
        help.setMaxWidth(380);
        help.getStyleClass().add("muted");
        box = new VBox(4, new HBox(16, ldap, normal), help);
        show(false);
    }

    Node node() {
        return box;
    }

    /** The kind chosen, or null when the platform takes one kind only: then the flow picks it. */
    SignInMethod chosen() {
        if (!box.isVisible()) {
            return null;
        }
        return group.getSelectedToggle() == normal ? SignInMethod.NORMAL : SignInMethod.LDAP;
    }

    /** Asks the platform at {@code address} which kinds it takes, in the background; hidden until then. */
    void learn(PlatformAccess access, String address) {
        Background.of(() -> access.authMode(address))
                .onSuccess(mode -> offer(access, address, mode))
                // The sign-in itself reports an address it cannot reach, in the platform's words.
                .onFailure(failure -> show(false))
                .executeWith(context.background());
    }

    private void offer(PlatformAccess access, String address, AuthMode mode) {
        if (!mode.offersBoth()) {
            show(false);
            return;
        }
        String alias = mode.ldapAlias().isEmpty() ? "LDAP" : mode.ldapAlias();
        ldap.setText(context.text("platform.method.ldap", alias));
        help.setText(mode.ldapHelp());
        help.setVisible(!mode.ldapHelp().isEmpty());
        help.setManaged(help.isVisible());
        SignInMethod last = mode.choose(access.lastMethod(address).orElse(null));
        group.selectToggle(last == SignInMethod.NORMAL ? normal : ldap);
        show(true);
    }

    private void show(boolean visible) {
        box.setVisible(visible);
        box.setManaged(visible);
        if (box.getScene() != null && box.getScene().getWindow() != null) {
            box.getScene().getWindow().sizeToScene();
        }
    }
}
