package io.github.harborupload.ui.platform;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.AuthMode;
import io.github.harborupload.platform.SignInMethod;
import io.github.harborupload.ui.WizardContext;
import io.github.harborupload.ui.common.Background;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The kind of account, offered when (and only when) the platform signs in both its LDAP accounts and
 * its own: labelled as the platform's tabs are ({@code {ldapAlias} 登录}, {@code 普通登录},
 * frontend/src/routes/auth/index.tsx), with its LDAP help text; the kind used last comes first.
 * Properties PlatformSignIn.fxml binds to ({@code ${controller.method.…}}).
 */
public final class MethodChoice {

    private final WizardContext context;
    private final BooleanProperty offered = new SimpleBooleanProperty(false);
    private final StringProperty ldapLabel = new SimpleStringProperty("");
    private final StringProperty help = new SimpleStringProperty("");
    private final BooleanBinding helpful = help.isNotEmpty();
    /** The kind to select when the choice is offered. */
    private final ObjectProperty<SignInMethod> preferred = new SimpleObjectProperty<>(SignInMethod.LDAP);
    /** The address last asked, so that leaving the field again without a change asks nothing. */
    private String asked;

    MethodChoice(WizardContext context) {
        this.context = context;
    }

    /** Asks the platform at {@code address} which kinds it takes, in the background, unless it was just asked. */
    void learn(PlatformAccess access, String address) {
        if (address.equals(asked)) {
            return;
        }
        asked = address;
        Background.of(() -> access.authMode(address))
                .onSuccess(mode -> {
                    // An answer for an address typed over meanwhile says nothing about the new one.
                    if (address.equals(asked)) {
                        offer(access, address, mode);
                    }
                })
                .onFailure(failure -> {
                    // The sign-in itself reports an address it cannot reach, in the platform's words;
                    // the same address is asked again next time, it may answer then.
                    if (address.equals(asked)) {
                        asked = null;
                        offered.set(false);
                    }
                })
                .executeWith(context.background());
    }

    private void offer(PlatformAccess access, String address, AuthMode mode) {
        if (!mode.offersBoth()) {
            offered.set(false);
            return;
        }
        ldapLabel.set(context.text("platform.method.ldap", mode.ldapAlias().isEmpty() ? "LDAP" : mode.ldapAlias()));
        help.set(mode.ldapHelp());
        preferred.set(mode.choose(access.lastMethod(address).orElse(null)));
        offered.set(true);
    }

    public BooleanProperty offeredProperty() {
        return offered;
    }

    public boolean isOffered() {
        return offered.get();
    }

    public StringProperty ldapLabelProperty() {
        return ldapLabel;
    }

    public String getLdapLabel() {
        return ldapLabel.get();
    }

    public StringProperty helpProperty() {
        return help;
    }

    public String getHelp() {
        return help.get();
    }

    public BooleanBinding helpfulProperty() {
        return helpful;
    }

    public boolean isHelpful() {
        return helpful.get();
    }

    ObjectProperty<SignInMethod> preferredProperty() {
        return preferred;
    }
}
