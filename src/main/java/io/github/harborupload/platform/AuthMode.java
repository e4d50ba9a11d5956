package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How this platform signs people in, from {@code GET /api/auth/mode}.
 *
 * <p>Servers through early 2026 answer a string: {@code "act"} (sign in with {@code auth:
 * "act-ldap"}) or {@code "normal"}. Later ones (raids-lab/crater c1c8031f, "decoupling ACT
 * OpenAPI") answer an object {@code {enableLdap, ldapAlias, ldapHelp, enableNormalLogin,
 * enableNormalRegister}} and take {@code "ldap"} or {@code "normal"}.
 *
 * @param loginMethod  the {@code auth} value to sign in with: {@code act-ldap}, {@code ldap} or {@code normal}
 * @param legacyServer true for a server that answered with a string
 * @param ldapAlias    what the server calls its LDAP accounts (e.g. "ACT"), or null
 */
public record AuthMode(String loginMethod, boolean legacyServer, String ldapAlias) {

    static AuthMode from(JsonNode data) throws PlatformException {
        if (data.isTextual()) {
            // crater-backend internal/handler/auth.go: resputil.Success(c, "act") or "normal".
            return switch (data.asText()) {
                case "act" -> new AuthMode("act-ldap", true, null);
                case "normal" -> new AuthMode("normal", true, null);
                default -> throw PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, Endpoint.AUTH_MODE)
                        .detail("unknown sign-in mode \"" + data.asText() + "\"").build();
            };
        }
        Fields mode = Fields.of(Endpoint.AUTH_MODE, data, "data");
        boolean ldap = mode.bool("enableLdap");
        return new AuthMode(ldap ? "ldap" : "normal", false, ldap ? mode.optionalText("ldapAlias") : null);
    }
}
