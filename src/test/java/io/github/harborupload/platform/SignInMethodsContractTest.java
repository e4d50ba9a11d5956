package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.ServerVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * LDAP and normal accounts side by side, and which build answers (issue 12). Sources:
 * raids-lab/crater backend/internal/handler/auth.go (GetAuthMode, Login, Check), the two tabs of
 * frontend/src/routes/auth/index.tsx; crater-harbor-api.md §3, §9.
 */
class SignInMethodsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-Platform-pw1";

    @Test
    void aCurrentServerWithBothMethodsSaysSoWithItsAlias() throws Exception {
        // auth.go GetAuthMode after c1c8031f: {enableLdap, ldapAlias, ldapHelp, enableNormalLogin, …}.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            AuthMode mode = fixture.client.authMode();
            assertTrue(mode.offersBoth());
            assertEquals(List.of(SignInMethod.LDAP, SignInMethod.NORMAL), mode.methods());
            assertEquals("ACT", mode.ldapAlias());
            assertFalse(mode.ldapHelp().isEmpty());
            assertEquals(SignInMethod.LDAP, mode.choose(null), "the platform's LDAP when nothing was used before");
            assertEquals(SignInMethod.NORMAL, mode.choose(SignInMethod.NORMAL), "the method used last");
        }
    }

    @Test
    void oldServersOfferOneMethodAsBefore() throws Exception {
        // crater-backend auth.go GetAuthMode: the string "act" (act-ldap) or "normal".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.NOVEMBER_2025)) {
            AuthMode mode = fixture.client.authMode();
            assertFalse(mode.offersBoth());
            assertEquals(SignInMethod.LDAP, mode.choose(SignInMethod.NORMAL), "a remembered method the server does not offer");
            assertEquals("act-ldap", mode.loginValue(SignInMethod.LDAP));
        }
    }

    @Test
    void aNormalAccountSignsInWithTheNormalMethodAndTheSessionKeepsIt() throws Exception {
        // auth.go Login: an account of the platform itself exists only under auth "normal".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.normalUser(ADMIN, ADMIN_PASSWORD);
            AuthMode mode = fixture.client.authMode();

            PlatformSession session = fixture.client.signIn(mode, SignInMethod.NORMAL, ADMIN, ADMIN_PASSWORD);

            assertEquals(ADMIN, session.username());
            assertEquals(SignInMethod.NORMAL, session.tokens().method());
            JsonNode login = JSON.readTree(fixture.platform.requests("POST", "/api/auth/login").get(0).body());
            assertEquals("normal", login.path("auth").asText());
            assertFalse(session.tokens().toString().contains(session.tokens().accessToken()), "tokens stay hidden");
        }
    }

    @Test
    void aNormalAccountTriedAsLdapIsRefusedWithAHintAtTheOtherMethod() throws Exception {
        // auth.go Login with auth "ldap": the directory has no such user, 401 code 40113 (LdapUserNotFound).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.normalUser(ADMIN, ADMIN_PASSWORD);

            PlatformException refused = assertThrows(PlatformException.class, () -> fixture.client.signIn(ADMIN, ADMIN_PASSWORD));

            assertEquals(401, refused.status());
            assertEquals(PlatformCodes.LDAP_USER_NOT_FOUND, refused.code().getAsInt());
            assertEquals(1, refused.reasons().size(), refused.reasons().toString());
            String hint = ENGLISH.text(refused.reasons().get(0));
            assertTrue(hint.contains("--auth normal") && hint.contains("ACT"), hint);
            assertFalse(refused.getMessage().contains(ADMIN_PASSWORD));
        }
    }

    @Test
    void aDirectoryAccountTriedAsNormalHintsAtLdap() throws Exception {
        // auth.go Login with auth "normal": no local password for a directory user, 401 code 40111.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            AuthMode mode = fixture.client.authMode();
            PlatformException refused = assertThrows(PlatformException.class, () -> fixture.client.signIn(mode,
                    SignInMethod.NORMAL, FakePlatformFixture.USER, FakePlatformFixture.PASSWORD));

            assertEquals(PlatformCodes.INVALID_CREDENTIALS, refused.code().getAsInt());
            assertTrue(ENGLISH.text(refused.reasons().get(0)).contains("--auth ldap"));
        }
    }

    @Test
    void aServerWithOneMethodGivesNoHint() throws Exception {
        // auth.go GetAuthMode: enableLdap false, so only normal accounts; a refusal is just a refusal.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.ldap(false);
            PlatformException refused = assertThrows(PlatformException.class,
                    () -> fixture.client.signIn(FakePlatformFixture.USER, "not-the-password"));
            assertTrue(refused.reasons().isEmpty());
        }
    }

    @Test
    void theServersBuildComesFromAuthCheckAndThenNamesItInFailures() throws Exception {
        // auth.go Check: data.version {appVersion, commitSHA, buildType, buildTime} (crater-harbor-api.md §9).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformSession session = fixture.signIn();
            assertEquals(Optional.of(FakePlatform.APP_VERSION + " (" + FakePlatform.COMMIT_SHA + ", release)"),
                    session.serverBuild());
            assertTrue(fixture.platform.requests("GET", "/api/auth/check").get(0).headers()
                    .get("authorization").startsWith("Bearer "));

            fixture.platform.answerNext("GET", "/api/v1/images/harbor", 500, "application/json",
                    "{\"code\":50001,\"data\":null,\"msg\":\"boom\"}");
            PlatformException failed = assertThrows(PlatformException.class, session::harborRegistry);
            assertTrue(failed.getMessage().contains(FakePlatform.APP_VERSION), failed.getMessage());
        }
    }

    @Test
    void olderServersDoNotSayTheirBuild() throws Exception {
        // crater-backend before the 2026 rework: Check answers context and user only.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.NOVEMBER_2025)) {
            assertEquals(Optional.empty(), fixture.signIn().serverBuild());
        }
    }
}
