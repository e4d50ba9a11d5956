package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.RecordedRequest;
import io.github.harborupload.platformserver.ServerVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signing in and staying signed in, against the fake platform in each server version. Sources:
 * raids-lab/crater backend/internal/handler/auth.go (mode, login, refresh),
 * backend/internal/middleware/jwt.go (Bearer, 40101, 40102), frontend/src/services/client.ts
 * (refresh on 401 + 40101, then retry).
 */
class PlatformSignInContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void theSignInMethodFollowsTheServersMode(ServerVersion version) throws Exception {
        // auth.go GetAuthMode: a string before c1c8031f, an object after.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            AuthMode ldap = fixture.client.authMode();
            assertEquals(version.legacyAuth() ? "act-ldap" : "ldap", ldap.loginValue(ldap.choose(null)));
            assertEquals(version.legacyAuth(), ldap.legacyServer());

            fixture.platform.ldap(false);
            AuthMode normal = fixture.client.authMode();
            assertEquals("normal", normal.loginValue(normal.choose(null)));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void signingInSendsTheDetectedMethodAndKeepsOnlyTokens(ServerVersion version) throws Exception {
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();

            assertEquals(FakePlatformFixture.USER, session.username());
            RecordedRequest login = fixture.platform.requests("POST", "/api/auth/login").get(0);
            JsonNode body = JSON.readTree(login.body());
            assertEquals(version.legacyAuth() ? "act-ldap" : "ldap", body.path("auth").asText());
            assertEquals(FakePlatformFixture.USER, body.path("username").asText());
            SessionTokens tokens = session.tokens();
            assertFalse(tokens.accessToken().isEmpty());
            assertFalse(tokens.refreshToken().isEmpty());
            assertFalse(tokens.toString().contains(tokens.accessToken()));
            assertFalse(tokens.toString().contains(tokens.refreshToken()));
            assertFalse(tokens.toString().contains(FakePlatformFixture.PASSWORD));

            session.harborRegistry();
            RecordedRequest call = fixture.platform.requests("GET", "/api/v1/images/harbor").get(0);
            assertEquals("Bearer " + tokens.accessToken(), call.header("Authorization"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void aWrongPasswordIsTheVersionsInvalidCredentials(ServerVersion version) throws Exception {
        // auth.go Login: 40106 "Invalid credentials" (old), 40111 "Invalid username or password" (new).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformException wrong = assertThrows(PlatformException.class,
                    () -> fixture.client.signIn(FakePlatformFixture.USER, "not-the-password"));

            assertEquals(PlatformException.Kind.SERVER_ERROR, wrong.kind());
            assertEquals(401, wrong.status());
            assertEquals(version.legacyAuth() ? PlatformCodes.OLD_INVALID_CREDENTIALS : PlatformCodes.INVALID_CREDENTIALS,
                    wrong.code().getAsInt());
            assertEquals(version.legacyAuth() ? "Invalid credentials" : "Invalid username or password", wrong.serverMessage());
            assertFalse(wrong.getMessage().contains("not-the-password"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void anUnknownUserIsLdapUserNotFoundOnNewServers(ServerVersion version) throws Exception {
        // auth.go Login: LdapUserNotFound 40113 since c1c8031f.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformException unknown = assertThrows(PlatformException.class, () -> fixture.client.signIn("nobody", "x"));

            assertEquals(version.legacyAuth() ? PlatformCodes.OLD_INVALID_CREDENTIALS : PlatformCodes.LDAP_USER_NOT_FOUND,
                    unknown.code().getAsInt());
            assertEquals(401, unknown.status());
        }
    }

    @Test
    void ldapTroubleIsItsOwnCodeOnNewServers() throws Exception {
        // auth.go Login: LdapError 40112.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.ldapDown(true);
            PlatformException down = assertThrows(PlatformException.class, fixture::signIn);
            assertEquals(PlatformCodes.LDAP_ERROR, down.code().getAsInt());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void aUserWhoMustRegisterIsToldSo(ServerVersion version) throws Exception {
        // auth.go Login: 500/40103 (old), 401/40121 (new), "User must register before login".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            fixture.platform.user("newbie", "pw", FakePlatform.UserState.NOT_REGISTERED);
            PlatformException register = assertThrows(PlatformException.class, () -> fixture.client.signIn("newbie", "pw"));

            assertEquals(version.legacyAuth() ? 500 : 401, register.status());
            assertEquals(version.legacyAuth() ? PlatformCodes.OLD_MUST_REGISTER : PlatformCodes.MUST_REGISTER,
                    register.code().getAsInt());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void aUserWithoutQueueOrNotActiveIsRefused(ServerVersion version) throws Exception {
        // auth.go Login: 500/40301 "User must has at least one queue"; 401/99999 "User is not active".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            fixture.platform.user("lonely", "pw", FakePlatform.UserState.NO_QUEUE);
            fixture.platform.user("sleepy", "pw", FakePlatform.UserState.INACTIVE);

            PlatformException noQueue = assertThrows(PlatformException.class, () -> fixture.client.signIn("lonely", "pw"));
            assertEquals(500, noQueue.status());
            assertEquals(PlatformCodes.USER_NOT_ALLOWED, noQueue.code().getAsInt());
            assertEquals("User must has at least one queue", noQueue.serverMessage());
            assertEquals(Endpoint.LOGIN, noQueue.endpoint());

            PlatformException inactive = assertThrows(PlatformException.class, () -> fixture.client.signIn("sleepy", "pw"));
            assertEquals(PlatformCodes.NOT_SPECIFIED, inactive.code().getAsInt());
            assertEquals("User is not active", inactive.serverMessage());
        }
    }

    @Test
    void oldServersRefuseUsernamesThatAreNotDnsLabels() throws Exception {
        // crater-backend auth.go: validation.IsDNS1123Label, else 400 "Invalid username".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.NOVEMBER_2025)) {
            PlatformException invalid = assertThrows(PlatformException.class, () -> fixture.client.signIn("Alice", "x"));
            assertEquals(400, invalid.status());
            assertEquals(PlatformCodes.INVALID_REQUEST, invalid.code().getAsInt());
            assertEquals("Invalid username", invalid.serverMessage());
        }
    }

    @Test
    void aMethodTheServerDoesNotKnowIsAnInvalidRequest() throws Exception {
        // auth.go after c1c8031f: only ldap/normal, else 400/40001 "Invalid authentication method".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            AuthMode oldServer = new AuthMode(true, true, false, null, null);
            PlatformException invalid = assertThrows(PlatformException.class,
                    () -> fixture.client.signIn(oldServer, SignInMethod.LDAP, FakePlatformFixture.USER, FakePlatformFixture.PASSWORD));
            assertEquals(PlatformCodes.INVALID_REQUEST, invalid.code().getAsInt());
            assertEquals("Invalid authentication method", invalid.serverMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void anExpiredTokenIsRenewedOnceAndTheCallRepeatedOnce(ServerVersion version) throws Exception {
        // jwt.go: 401/40101; auth.go Refresh; frontend/src/services/client.ts refreshes and retries.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            SessionTokens before = session.tokens();
            List<SessionTokens> renewed = new ArrayList<>();
            session.onTokensRenewed(renewed::add);
            fixture.platform.expireAccessTokens();

            assertEquals(FakePlatformFixture.REGISTRY, session.harborRegistry());

            assertEquals(List.of("GET /api/auth/mode", "POST /api/auth/login", "GET /api/v1/images/harbor", "POST /api/auth/refresh",
                    "GET /api/v1/images/harbor"), calls(fixture));
            assertNotEquals(before.accessToken(), session.tokens().accessToken());
            assertEquals(List.of(session.tokens()), renewed);
            RecordedRequest refresh = fixture.platform.requests("POST", "/api/auth/refresh").get(0);
            assertEquals(before.refreshToken(), JSON.readTree(refresh.body()).path("refreshToken").asText());
            assertNull(refresh.header("Authorization"), "the refresh token goes in the body, not as Bearer");
        }
    }

    @Test
    void aShortLivedTokenExpiresOnItsOwnAndIsRenewed() throws Exception {
        // backend/pkg/config/token.go: access tokens expire (an hour there, 2 s here).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.accessTokenLifetime(Duration.ofSeconds(2));
            PlatformSession session = fixture.signIn();
            Thread.sleep(2100);

            session.quota();

            assertEquals(1, fixture.platform.requests("POST", "/api/auth/refresh").size());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void aRefusedRenewalEndsTheSession(ServerVersion version) throws Exception {
        // auth.go Refresh: a refresh token it cannot use is 401/99999 "User not found".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            SessionTokens tokens = session.tokens();
            fixture.platform.expireAccessTokens().revokeRefreshTokens();

            PlatformException expired = assertThrows(PlatformException.class, session::quota);

            assertEquals(PlatformException.Kind.SESSION_EXPIRED, expired.kind());
            assertEquals(Endpoint.QUOTA, expired.endpoint());
            assertEquals(List.of("GET /api/auth/mode", "POST /api/auth/login", "GET /api/v1/images/quota", "POST /api/auth/refresh"), calls(fixture));
            assertTokensHidden(expired, tokens);
        }
    }

    @Test
    void theCallIsRepeatedOnlyOnce() throws Exception {
        // client.ts: one refresh, one retry; never a loop.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            // Every token is expired as soon as it is made, renewed ones too.
            fixture.platform.accessTokenLifetime(Duration.ofSeconds(-1));
            PlatformSession session = fixture.signIn();

            PlatformException expired = assertThrows(PlatformException.class, session::harborRegistry);

            assertEquals(PlatformException.Kind.SESSION_EXPIRED, expired.kind());
            assertEquals(List.of("GET /api/auth/mode", "POST /api/auth/login", "GET /api/v1/images/harbor", "POST /api/auth/refresh",
                    "GET /api/v1/images/harbor"), calls(fixture));
        }
    }

    @Test
    void aResumedSessionWithoutRefreshTokenExpiresWithoutTryingToRenew() throws Exception {
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            SessionTokens kept = fixture.signIn().tokens();
            PlatformSession resumed = fixture.client.resume(
                    new SessionTokens(kept.address(), kept.username(), kept.accessToken(), ""));
            assertEquals(FakePlatformFixture.REGISTRY, resumed.harborRegistry());

            fixture.platform.expireAccessTokens();
            PlatformException expired = assertThrows(PlatformException.class, resumed::harborRegistry);
            assertEquals(PlatformException.Kind.SESSION_EXPIRED, expired.kind());
            assertTrue(fixture.platform.requests("POST", "/api/auth/refresh").isEmpty());
        }
    }

    @Test
    void aResumedSessionBelongsToItsAddress() throws Exception {
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            SessionTokens kept = fixture.signIn().tokens();
            PlatformClient elsewhere = new PlatformClient(PlatformClient.DEFAULT_ADDRESS);
            assertThrows(IllegalArgumentException.class, () -> elsewhere.resume(kept));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void aUserGoneFromThePlatformGetsTokenInvalidOnWrites(ServerVersion version) throws Exception {
        // jwt.go: non-GET requests check the user in the database, else 401/40102 "User not found".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            fixture.platform.deleteUser(FakePlatformFixture.USER);

            PlatformException invalid = assertThrows(PlatformException.class, session::resetHarborCredentials);

            assertEquals(401, invalid.status());
            assertEquals(PlatformCodes.TOKEN_INVALID, invalid.code().getAsInt());
            assertEquals("User not found", invalid.serverMessage());
            assertTrue(fixture.platform.requests("POST", "/api/auth/refresh").isEmpty(), "40102 is not renewed");
        }
    }

    @Test
    void aCallWithoutBearerIsTokenInvalid() throws Exception {
        // jwt.go: no "Bearer <token>" header is 401/40102 "Invalid token".
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformException invalid = assertThrows(PlatformException.class,
                    () -> fixture.client.call(Endpoint.QUOTA, null, null, PlatformClient.MAX_ANSWER_BYTES));
            assertEquals(PlatformCodes.TOKEN_INVALID, invalid.code().getAsInt());
            assertEquals("Invalid token", invalid.serverMessage());
        }
    }

    static void assertTokensHidden(Throwable failure, SessionTokens tokens) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            String text = link.toString();
            assertFalse(text.contains(tokens.accessToken()), text);
            assertFalse(text.contains(tokens.refreshToken()), text);
        }
    }

    private static List<String> calls(FakePlatformFixture fixture) {
        return fixture.platform.requests().stream().map(r -> r.method() + " " + r.rawPath()).toList();
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
