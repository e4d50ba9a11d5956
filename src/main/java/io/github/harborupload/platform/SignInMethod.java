package io.github.harborupload.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of platform account (backend/internal/handler/auth.go, LoginReq.AuthMethod): the
 * lab's directory (LDAP) and the platform's own accounts (administrators, local users). A server
 * may take both; then its web page shows two tabs (frontend/src/routes/auth/index.tsx).
 */
public enum SignInMethod {
    LDAP("ldap"),
    NORMAL("normal");

    private final String value;

    SignInMethod(String value) {
        this.value = value;
    }

    /** As typed after {@code --auth} and kept with a session. */
    public String value() {
        return value;
    }

    /** The method named {@code value} ({@code ldap} or {@code normal}, any case), or empty. */
    public static Optional<SignInMethod> fromValue(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (SignInMethod method : values()) {
            if (method.value.equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    public SignInMethod other() {
        return this == LDAP ? NORMAL : LDAP;
    }
}
