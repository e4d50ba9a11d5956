package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How this platform signs people in, from {@code GET /api/auth/mode}.
 *
 * <p>Servers through early 2026 answer a string: {@code "act"} (sign in with {@code auth:
 * "act-ldap"}) or {@code "normal"}. Later ones (raids-lab/crater c1c8031f, "decoupling ACT
 * OpenAPI") answer an object {@code {enableLdap, ldapAlias, ldapHelp, enableNormalLogin,
 * enableNormalRegister}} and take {@code "ldap"} or {@code "normal"}; with both enabled the web
 * page offers both (frontend/src/routes/auth/index.tsx).
 *
 * @param legacyServer true for a server that answered with a string
 * @param ldap         LDAP accounts sign in here
 * @param normal       the platform's own accounts sign in here
 * @param ldapAlias    what the server calls its LDAP accounts (e.g. "ACT"), or empty
 * @param ldapHelp     the server's hint for LDAP accounts, or empty
 */
public record AuthMode(boolean legacyServer, boolean ldap, boolean normal, String ldapAlias, String ldapHelp) {

    public AuthMode {
        ldapAlias = ldapAlias == null ? "" : ldapAlias.strip();
        ldapHelp = ldapHelp == null ? "" : ldapHelp.strip();
    }

    static AuthMode from(JsonNode data) throws PlatformException {
        if (data.isTextual()) {
            // crater-backend internal/handler/auth.go: resputil.Success(c, "act") or "normal". The
            // old web page offered only that one method, so we do too.
            return switch (data.asText()) {
                case "act" -> new AuthMode(true, true, false, "", "");
                case "normal" -> new AuthMode(true, false, true, "", "");
                default -> throw PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, Endpoint.AUTH_MODE)
                        .detail("unknown sign-in mode \"" + data.asText() + "\"").build();
            };
        }
        Fields mode = Fields.of(Endpoint.AUTH_MODE, data, "data");
        boolean ldap = mode.bool("enableLdap");
        // A server that enables neither still takes normal accounts: its administrators sign in so.
        boolean normal = !ldap || mode.optionalBool("enableNormalLogin", true);
        return new AuthMode(false, ldap, normal, ldap ? mode.optionalText("ldapAlias") : "", ldap ? mode.optionalText("ldapHelp") : "");
    }

    /** The methods this server offers, LDAP first as the web page orders its tabs. */
    public List<SignInMethod> methods() {
        List<SignInMethod> methods = new ArrayList<>();
        if (ldap) {
            methods.add(SignInMethod.LDAP);
        }
        if (normal) {
            methods.add(SignInMethod.NORMAL);
        }
        return methods;
    }

    /** Both kinds of account sign in here: a face lets the user choose. */
    public boolean offersBoth() {
        return ldap && normal;
    }

    /**
     * The method to use: {@code preferred} (the one used last) when this server offers it, else
     * the platform's LDAP when it has one, else normal.
     */
    public SignInMethod choose(SignInMethod preferred) {
        if (preferred != null && methods().contains(preferred)) {
            return preferred;
        }
        return ldap ? SignInMethod.LDAP : SignInMethod.NORMAL;
    }

    /** The {@code auth} value of the login request: {@code act-ldap} on old servers, {@code ldap}, {@code normal}. */
    public String loginValue(SignInMethod method) {
        if (method == SignInMethod.NORMAL) {
            return "normal";
        }
        return legacyServer ? "act-ldap" : "ldap";
    }
}
