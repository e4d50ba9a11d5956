package io.github.harborupload.platformserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.platform.PlatformCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local GPU platform that follows the documented contract of raids-lab/crater's backend
 * (reference: crater-harbor-api.md), for the contract tests and the demo. Each behaviour names the
 * file in raids-lab/crater it follows. Harbor's part lives in {@link FakeHarborApi}, served by the
 * same server under {@code /api/v2.0/}, and both change and check accounts on a real or in-memory
 * registry ({@link RegistryAccounts}).
 *
 * <p>Configuration methods may be called while it runs. Tokens are opaque random strings, not
 * JWTs: only their lifetimes matter to a client.
 */
public final class FakePlatform implements AutoCloseable {

    /** How a user's account stands, for the login errors of backend/internal/handler/auth.go. */
    public enum UserState { ACTIVE, NOT_REGISTERED, NO_QUEUE, INACTIVE }

    /** One step of UserGetProjectCredential that can fail, with the msg the platform then sends. */
    public enum CredentialFailure {
        CHECK_OR_CREATE_PROJECT("check or create project failed"),
        DELETE_USER("delete user failed"),
        /** Harbor refused the random password (no digit, ~3 % of calls); the old user is already deleted. */
        CREATE_USER("create user failed"),
        /** The user exists again with a new password nobody was told. */
        ADD_PROJECT_MEMBER("add project member failed");

        private final String message;

        CredentialFailure(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /**
     * An image record as the platform's database holds it (backend/dao/model/image.go); {@code archs}
     * null when the import sent none (a JSON null in the database).
     */
    public record ImageRecord(long id, String owner, String link, String description, String taskType,
            List<String> tags, List<String> archs, boolean isPublic, int source, Instant createdAt) {
    }

    /**
     * A user of the lab's directory (signs in with the LDAP method while the platform has LDAP,
     * else the normal one), or an account of the platform itself (administrators, local users),
     * which signs in only with "normal" (backend/internal/handler/auth.go: Login, by AuthMethod).
     */
    private record User(String name, String password, UserState state, boolean platformAccount) {
    }

    private record Grant(String user, boolean refresh, Instant expires) {
    }

    private record Canned(int status, String contentType, byte[] body, Duration delay) {
    }

    @FunctionalInterface
    private interface Route {
        void handle(HttpExchange exchange, String body) throws IOException;
    }

    /** backend/pkg/imageregistry/registry.go: PasswordLength. */
    static final int PASSWORD_LENGTH = 20;
    /** backend/dao/model/image.go: ImageLink varchar(128), Description varchar(512). */
    static final int LINK_COLUMN = 128;
    static final int DESCRIPTION_COLUMN = 512;
    /** validation.IsDNS1123Label, which the old backend applies to usernames. */
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** backend/pkg/utils: SplitImageLink. */
    private static final Pattern IMAGE_LINK = Pattern.compile("^([^/]+)/([^/]+)/(.+):([^/:]+)$");
    private static final double GIB = 1L << 30;
    /** What {@code /api/auth/check} reports as the build of current servers. */
    public static final String APP_VERSION = "v1.4.2";
    public static final String COMMIT_SHA = "b2f19348";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-platform");
        thread.setDaemon(true);
        return thread;
    });
    private final ServerVersion version;
    private final RegistryAccounts registry;
    private final FakeHarborApi harbor;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<ImageRecord> images = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Canned>> canned = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private volatile boolean ldap = true;
    private volatile boolean ldapDown;
    private volatile Duration accessLifetime = Duration.ofHours(1);
    private volatile Duration refreshLifetime = Duration.ofHours(168);
    private volatile String harborServer;
    private volatile boolean quotaUnavailable;
    private volatile CredentialFailure nextCredentialFailure;
    private volatile boolean nextImportLosesUser;
    private long nextImageId = 1;

    private FakePlatform(ServerVersion version, RegistryAccounts registry, int port) throws IOException {
        this.version = version;
        this.registry = registry;
        this.harbor = new FakeHarborApi(registry);
        this.harborServer = registry.host();
        routes.put("GET /api/auth/mode", this::authMode);
        routes.put("POST /api/auth/login", this::login);
        routes.put("POST /api/auth/refresh", this::refresh);
        routes.put("GET /api/auth/check", this::check);
        routes.put("GET /api/v1/images/harbor", (exchange, body) -> protect(exchange, user -> harborAddress(exchange)));
        routes.put("POST /api/v1/images/credential", (exchange, body) -> protect(exchange, user -> credential(exchange, user)));
        routes.put("GET /api/v1/images/quota", (exchange, body) -> protect(exchange, user -> quota(exchange, user)));
        routes.put("POST /api/v1/images/image", (exchange, body) -> protect(exchange, user -> importImage(exchange, user, body)));
        routes.put("GET /api/v1/images/image", (exchange, body) -> protect(exchange, user -> listImages(exchange, user)));
        routes.put("POST /api/v1/images/valid", (exchange, body) -> protect(exchange, user -> checkLinks(exchange, body)));
        routes.put("POST /api/v1/images/description", (exchange, body) -> protect(exchange, user -> update(exchange, user, body, "description")));
        routes.put("POST /api/v1/images/type", (exchange, body) -> protect(exchange, user -> update(exchange, user, body, "taskType")));
        routes.put("POST /api/v1/images/tags", (exchange, body) -> protect(exchange, user -> update(exchange, user, body, "tags")));
        routes.put("POST /api/v1/images/arch", (exchange, body) -> protect(exchange, user -> update(exchange, user, body, "archs")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static FakePlatform start(ServerVersion version, RegistryAccounts registry) throws IOException {
        return new FakePlatform(version, registry, 0);
    }

    public static FakePlatform start(ServerVersion version, RegistryAccounts registry, int port) throws IOException {
        return new FakePlatform(version, registry, port);
    }

    /** Its address, e.g. {@code http://127.0.0.1:41234}: the platform address a client takes. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ServerVersion version() {
        return version;
    }

    public RegistryAccounts registry() {
        return registry;
    }

    /** Harbor's API under {@code /api/v2.0/} of {@link #address()}. */
    public FakeHarborApi harbor() {
        return harbor;
    }

    // ---- configuration

    /** LDAP sign-in ({@code act}/{@code act-ldap} on old servers, {@code ldap} on new) or normal. On by default. */
    public FakePlatform ldap(boolean enabled) {
        ldap = enabled;
        return this;
    }

    /** LDAP answers with an error (new servers: 40112); old servers report invalid credentials. */
    public FakePlatform ldapDown(boolean down) {
        ldapDown = down;
        return this;
    }

    /** An active, registered user with a queue. */
    public FakePlatform user(String name, String password) {
        return user(name, password, UserState.ACTIVE);
    }

    public FakePlatform user(String name, String password, UserState state) {
        users.put(name, new User(name, password, state, false));
        return this;
    }

    /**
     * An account of the platform itself (an administrator, a local user): not in the directory,
     * so it signs in only with {@code auth: "normal"}, the web page's "普通登录" tab.
     */
    public FakePlatform normalUser(String name, String password) {
        users.put(name, new User(name, password, UserState.ACTIVE, true));
        return this;
    }

    /** Removes the user from the platform's database: their tokens stop working for writes. */
    public FakePlatform deleteUser(String name) {
        users.remove(name);
        return this;
    }

    /** backend/pkg/config/token.go: AccessTokenExpiryHour 1 by default. */
    public FakePlatform accessTokenLifetime(Duration lifetime) {
        accessLifetime = lifetime;
        return this;
    }

    /** backend/pkg/config/token.go: RefreshTokenExpiryHour 168 by default. */
    public FakePlatform refreshTokenLifetime(Duration lifetime) {
        refreshLifetime = lifetime;
        return this;
    }

    /** Every access token issued so far expires now. */
    public FakePlatform expireAccessTokens() {
        grants.replaceAll((token, grant) -> grant.refresh() ? grant : new Grant(grant.user(), false, Instant.EPOCH));
        return this;
    }

    /** Every refresh token issued so far stops working. */
    public FakePlatform revokeRefreshTokens() {
        grants.values().removeIf(Grant::refresh);
        return this;
    }

    /** The Harbor server it reports, without scheme ({@code config.Registry.Harbor.Server}); the registry's host by default. */
    public FakePlatform harborServer(String server) {
        harborServer = server;
        return this;
    }

    /** The quota endpoint reports a failed Harbor call: zeros and an empty project. */
    public FakePlatform quotaUnavailable(boolean value) {
        quotaUnavailable = value;
        return this;
    }

    /** The next credential call fails at this step, as the real one sometimes does. */
    public FakePlatform failNextCredential(CredentialFailure failure) {
        nextCredentialFailure = failure;
        return this;
    }

    /** The next import fails to look up the user and, like the real handler, answers an empty 200. */
    public FakePlatform failNextImportUserLookup() {
        nextImportLosesUser = true;
        return this;
    }

    /** A public image by another user, as the list shows to everyone. */
    public FakePlatform publicImage(String owner, String link) {
        save(owner, link, "", "custom", List.of(), List.of(), true, 1);
        return this;
    }

    /** An image {@code owner} imported earlier (from the web page, or another run), with these tags and platforms. */
    public FakePlatform importedImage(String owner, String link, String description, List<String> tags, List<String> archs) {
        save(owner, link, description, "custom", tags, archs, false, 2);
        return this;
    }

    /**
     * The next request to {@code method path} gets this answer instead (a proxy's error page, an
     * empty or huge body, an answer of the wrong shape), after {@code delay}.
     */
    public FakePlatform answerNext(String method, String path, int status, String contentType, byte[] body, Duration delay) {
        canned.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Canned(status, contentType, body, delay));
        return this;
    }

    public FakePlatform answerNext(String method, String path, int status, String contentType, String body) {
        return answerNext(method, path, status, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    // ---- what happened

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.rawPath().equals(path)).toList();
    }

    /** The image records saved, oldest first. */
    public List<ImageRecord> images() {
        return List.copyOf(images);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            requests.add(new RecordedRequest(exchange.getRequestMethod(), rawPath, Map.copyOf(headers), body));

            Deque<Canned> queue = canned.get(exchange.getRequestMethod() + " " + rawPath);
            Canned answer = queue == null ? null : queue.poll();
            if (answer != null) {
                Thread.sleep(answer.delay().toMillis());
                Exchanges.send(exchange, answer.status(), answer.contentType(), answer.body());
                return;
            }
            if (rawPath.startsWith("/api/v2.0/")) {
                harbor.handle(exchange, rawPath);
                return;
            }
            Route route = routes.get(exchange.getRequestMethod() + " " + rawPath);
            if (route == null) {
                Exchanges.notFoundPage(exchange);
                return;
            }
            route.handle(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // A client that stopped listening, or a bug here: say so in the test output, keep serving.
            System.err.println("fake platform: " + e);
        }
    }

    /**
     * backend/internal/handler/auth.go: GetAuthMode. Old backends answer a string, "act" or
     * "normal"; new ones the LDAP settings as an object.
     */
    private void authMode(HttpExchange exchange, String body) throws IOException {
        if (version.legacyAuth()) {
            Exchanges.success(exchange, ldap ? "act" : "normal");
            return;
        }
        ObjectNode mode = Exchanges.JSON.createObjectNode()
                .put("enableLdap", ldap)
                .put("ldapAlias", ldap ? "ACT" : "")
                .put("ldapHelp", ldap ? "Sign in with your ACT account" : "")
                .put("enableNormalLogin", true)
                .put("enableNormalRegister", false);
        Exchanges.success(exchange, mode);
    }

    /**
     * backend/internal/handler/auth.go: Login. LoginReq {auth (required), username, password};
     * the error table of crater-harbor-api.md §3 for each server version.
     */
    private void login(HttpExchange exchange, String body) throws IOException {
        Optional<JsonNode> request = Exchanges.jsonBody(body);
        if (request.isEmpty() || !request.get().path("auth").isTextual()) {
            badRequest(exchange, "Key: 'LoginReq.AuthMethod' Error:Field validation for 'AuthMethod' failed on the 'required' tag");
            return;
        }
        String method = request.get().path("auth").asText();
        String name = request.get().path("username").asText("");
        String password = request.get().path("password").asText("");
        List<String> methods = version.legacyAuth() ? List.of("act-ldap", "act-api", "normal") : List.of("ldap", "normal");
        if (!methods.contains(method)) {
            badRequest(exchange, "Invalid authentication method");
            return;
        }
        if (version.legacyAuth() && !DNS_1123_LABEL.matcher(name).matches()) {
            badRequest(exchange, "Invalid username");
            return;
        }
        User user = users.get(name);
        String expected = user != null && user.platformAccount() ? "normal"
                : version.legacyAuth() ? (ldap ? "act-ldap" : "normal") : (ldap ? "ldap" : "normal");
        if (!version.legacyAuth() && method.equals("ldap") && ldapDown) {
            Exchanges.envelope(exchange, 401, PlatformCodes.LDAP_ERROR, null, "LDAP error: connection refused");
            return;
        }
        // The directory does not know the platform's own accounts: LdapUserNotFound.
        if (!version.legacyAuth() && method.equals("ldap") && (user == null || user.platformAccount())) {
            Exchanges.envelope(exchange, 401, PlatformCodes.LDAP_USER_NOT_FOUND, null, "LDAP user not found");
            return;
        }
        if (user == null || !method.equals(expected) || !user.password().equals(password) || ldapDown) {
            if (version.legacyAuth()) {
                Exchanges.envelope(exchange, 401, PlatformCodes.OLD_INVALID_CREDENTIALS, null, "Invalid credentials");
            } else {
                Exchanges.envelope(exchange, 401, PlatformCodes.INVALID_CREDENTIALS, null, "Invalid username or password");
            }
            return;
        }
        switch (user.state()) {
            case NOT_REGISTERED -> {
                if (version.legacyAuth()) {
                    Exchanges.envelope(exchange, 500, PlatformCodes.OLD_MUST_REGISTER, null, "User must register before login");
                } else {
                    Exchanges.envelope(exchange, 401, PlatformCodes.MUST_REGISTER, null, "User must register before login");
                }
            }
            case NO_QUEUE -> Exchanges.envelope(exchange, 500, PlatformCodes.USER_NOT_ALLOWED, null,
                    "User must has at least one queue");
            case INACTIVE -> Exchanges.envelope(exchange, 401, PlatformCodes.NOT_SPECIFIED, null, "User is not active");
            case ACTIVE -> {
                ObjectNode data = tokensFor(name);
                ObjectNode context = data.putObject("context");
                context.put("queue", "default").put("roleQueue", 2).put("rolePlatform", 2)
                        .put("accessQueue", 2).put("accessPublic", 1).put("space", "/user/" + name);
                data.putObject("user").put("id", Math.abs(name.hashCode())).put("name", name).put("nickname", name)
                        .putNull("email").putNull("phone").putNull("teacher").putNull("group");
                Exchanges.success(exchange, data);
            }
        }
    }

    /**
     * backend/internal/handler/auth.go: Refresh, {"refreshToken"} for a new pair. Any refresh token
     * it cannot use is 401 with code 99999 "User not found".
     */
    private void refresh(HttpExchange exchange, String body) throws IOException {
        String token = Exchanges.jsonBody(body).map(json -> json.path("refreshToken").asText("")).orElse("");
        Grant grant = grants.get(token);
        if (grant == null || !grant.refresh() || grant.expires().isBefore(Instant.now()) || !users.containsKey(grant.user())) {
            Exchanges.envelope(exchange, 401, PlatformCodes.NOT_SPECIFIED, null, "User not found");
            return;
        }
        Exchanges.success(exchange, tokensFor(grant.user()));
    }

    /**
     * backend/internal/handler/auth.go: Check (public route). No header: data null; a token that
     * fails: 401/40101; else {context, user, version} where version is {appVersion, commitSHA,
     * buildType, buildTime} (crater-harbor-api.md §9). Builds before the 2026 rework send no version.
     */
    private void check(HttpExchange exchange, String body) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            Exchanges.success(exchange, null);
            return;
        }
        protect(exchange, user -> {
            ObjectNode data = Exchanges.JSON.createObjectNode();
            data.putObject("context").put("queue", "default");
            data.putObject("user").put("name", user).put("nickname", user);
            if (!version.legacyAuth()) {
                data.putObject("version").put("appVersion", APP_VERSION).put("commitSHA", COMMIT_SHA)
                        .put("buildType", "release").put("buildTime", "2026-12-02T08:00:00Z");
            }
            Exchanges.success(exchange, data);
        });
    }

    private ObjectNode tokensFor(String user) {
        String access = newToken();
        String refresh = newToken();
        grants.put(access, new Grant(user, false, Instant.now().plus(accessLifetime)));
        grants.put(refresh, new Grant(user, true, Instant.now().plus(refreshLifetime)));
        return Exchanges.JSON.createObjectNode().put("accessToken", access).put("refreshToken", refresh);
    }

    /** Three base64url parts, so it looks like the JWT it stands for. */
    private String newToken() {
        return randomText(18) + "." + randomText(30) + "." + randomText(32);
    }

    @FunctionalInterface
    private interface Protected {
        void handle(String user) throws IOException;
    }

    /**
     * backend/internal/middleware/jwt.go: AuthProtected. No "Bearer <token>" header is 401/40102
     * "Invalid token"; a token that fails the check is 401/40101 with the JWT library's text
     * (expired or not, golang-jwt gives TokenExpired's code); for requests other than GET the user
     * must still be in the database, else 401/40102 "User not found".
     */
    private void protect(HttpExchange exchange, Protected handler) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String[] parts = header == null ? new String[0] : header.split(" ");
        if (parts.length < 2 || !parts[0].equals("Bearer")) {
            Exchanges.envelope(exchange, 401, PlatformCodes.TOKEN_INVALID, null, "Invalid token");
            return;
        }
        Grant grant = grants.get(parts[1]);
        if (grant == null) {
            Exchanges.envelope(exchange, 401, PlatformCodes.TOKEN_EXPIRED, null, "token is malformed: token contains an invalid number of segments");
            return;
        }
        if (grant.expires().isBefore(Instant.now())) {
            Exchanges.envelope(exchange, 401, PlatformCodes.TOKEN_EXPIRED, null, "token has invalid claims: token is expired");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET") && !users.containsKey(grant.user())) {
            Exchanges.envelope(exchange, 401, PlatformCodes.TOKEN_INVALID, null, "User not found");
            return;
        }
        handler.handle(grant.user());
    }

    /** backend/internal/handler/image/harbor.go: GetHarborIP, "https://" + the configured server. */
    private void harborAddress(HttpExchange exchange) throws IOException {
        Exchanges.success(exchange, Map.of("ip", "https://" + harborServer));
    }

    /**
     * backend/internal/handler/image/harbor.go: UserGetProjectCredential. Creates the project
     * user-&lt;name&gt;, deletes the Harbor user, creates it again with a new random password, adds it
     * to the project; a failing step is HTTP 500 with code 99999 and the step's msg.
     */
    private void credential(HttpExchange exchange, String user) throws IOException {
        CredentialFailure failure = nextCredentialFailure;
        nextCredentialFailure = null;
        if (failure == CredentialFailure.CHECK_OR_CREATE_PROJECT) {
            credentialFailed(exchange, failure);
            return;
        }
        harbor.createProjectIfMissing("user-" + user, user);
        if (failure == CredentialFailure.DELETE_USER) {
            credentialFailed(exchange, failure);
            return;
        }
        registry.remove(user);
        if (failure == CredentialFailure.CREATE_USER) {
            credentialFailed(exchange, failure);
            return;
        }
        String password = generateRandomPassword();
        registry.setPassword(user, password);
        if (failure == CredentialFailure.ADD_PROJECT_MEMBER) {
            credentialFailed(exchange, failure);
            return;
        }
        Map<String, String> data = new HashMap<>();
        data.put("name", user);
        data.put("password", password);
        Exchanges.success(exchange, data);
    }

    /** resputil.Error: always HTTP 500. */
    private static void credentialFailed(HttpExchange exchange, CredentialFailure failure) throws IOException {
        Exchanges.envelope(exchange, 500, PlatformCodes.NOT_SPECIFIED, null, failure.message());
    }

    /**
     * backend/pkg/imageregistry/registry.go: GenerateRandomPassword, base64url of random bytes cut
     * to 20 characters. Unlike Harbor this registry takes any password, so no retry is needed here.
     */
    private String generateRandomPassword() {
        return randomText(PASSWORD_LENGTH);
    }

    private String randomText(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes).substring(0, length);
    }

    /**
     * backend/internal/handler/image/harbor.go: UserGetProjectDetail. Harbor's storage in GiB; a
     * project Harbor does not have yet is 40 GiB with nothing used; a failed Harbor call is only
     * logged, and the answer is zeros with an empty project.
     */
    private void quota(HttpExchange exchange, String user) throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put("total", 0);
        if (quotaUnavailable) {
            data.put("used", 0.0);
            data.put("quota", 0.0);
            data.put("project", "");
        } else {
            String project = "user-" + user;
            Optional<long[]> storage = harbor.storage(project);
            data.put("used", storage.map(s -> s[0] / GIB).orElse(0.0));
            data.put("quota", storage.map(s -> s[1] / GIB).orElse(40.0));
            data.put("project", project);
        }
        Exchanges.success(exchange, data);
    }

    /**
     * backend/internal/handler/image/image.go: UserUploadImage. No checks at all; a value too long
     * for its column fails the insert, which is only logged, and the answer is still success. A
     * failed user lookup returns without writing anything: an empty 200.
     */
    private void importImage(HttpExchange exchange, String user, String body) throws IOException {
        Optional<JsonNode> request = Exchanges.jsonBody(body).filter(JsonNode::isObject);
        String problem = request.isEmpty() ? "invalid character looking for beginning of value" : bindingProblem(request.get());
        if (problem != null) {
            Exchanges.envelope(exchange, 400, version.badImportCode(), null, "validate upload parameters failed, err " + problem);
            return;
        }
        if (nextImportLosesUser) {
            nextImportLosesUser = false;
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        JsonNode json = request.get();
        String link = json.path("imageLink").asText("");
        String description = json.path("description").asText("");
        if (link.codePointCount(0, link.length()) <= LINK_COLUMN
                && description.codePointCount(0, description.length()) <= DESCRIPTION_COLUMN) {
            // handler/image/image.go: datatypes.NewJSONType(req.Archs), stored as sent: [] stays [], absent is null.
            List<String> archs = json.path("archs").isArray() ? texts(json.path("archs")) : null;
            save(user, link, description, json.path("taskType").asText(""), texts(json.path("tags")), archs, false, 2);
        }
        Exchanges.success(exchange, "");
    }

    /** What gin's ShouldBindJSON says about a field of the wrong type, or null when it binds. */
    private static String bindingProblem(JsonNode json) {
        for (String field : List.of("imageLink", "taskType", "description")) {
            JsonNode value = json.path(field);
            if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
                return "json: cannot unmarshal " + value.getNodeType().toString().toLowerCase(Locale.ROOT)
                        + " into Go struct field UploadImageRequest." + field + " of type string";
            }
        }
        for (String field : List.of("tags", "archs")) {
            JsonNode value = json.path(field);
            if (!value.isMissingNode() && !value.isNull() && !(value.isArray() && texts(value).size() == value.size())) {
                return "json: cannot unmarshal into Go struct field UploadImageRequest." + field + " of type []string";
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> {
            if (item.isTextual()) {
                values.add(item.asText());
            }
        });
        return values;
    }

    private synchronized void save(String owner, String link, String description, String taskType,
            List<String> tags, List<String> archs, boolean isPublic, int source) {
        images.add(new ImageRecord(nextImageId++, owner, link, description, taskType, List.copyOf(tags),
                archs == null ? null : List.copyOf(archs), isPublic, source, Instant.now()));
    }

    /**
     * backend/internal/handler/image/interface.go and types.go: UpdateImageDescription, …Type,
     * …Tags, …Arch, each {@code {id, <field>}}. Only the owner may change a record (since 69547918:
     * 403 code 40301 "permission denied to manage this image"); an unknown id is 404 (40401,
     * DataBaseNotFound); a field of the wrong type is gin's binding error, 400.
     */
    private synchronized void update(HttpExchange exchange, String user, String body, String field) throws IOException {
        Optional<JsonNode> request = Exchanges.jsonBody(body).filter(JsonNode::isObject);
        JsonNode value = request.map(json -> json.path(field)).orElse(null);
        boolean list = field.equals("tags") || field.equals("archs");
        if (request.isEmpty() || !request.get().path("id").isIntegralNumber()
                || (list ? !(value.isArray() && texts(value).size() == value.size()) : !value.isTextual())) {
            badRequest(exchange, "Key: '" + field + "' Error:Field validation for '" + field + "' failed on the 'required' tag");
            return;
        }
        long id = request.get().path("id").asLong();
        int index = -1;
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).id() == id) {
                index = i;
            }
        }
        if (index < 0) {
            Exchanges.envelope(exchange, 404, 40401, null, "record not found");
            return;
        }
        ImageRecord old = images.get(index);
        if (!old.owner().equals(user)) {
            Exchanges.envelope(exchange, 403, PlatformCodes.USER_NOT_ALLOWED, null, "permission denied to manage this image");
            return;
        }
        images.set(index, new ImageRecord(old.id(), old.owner(), old.link(),
                field.equals("description") ? value.asText() : old.description(),
                field.equals("taskType") ? value.asText() : old.taskType(),
                field.equals("tags") ? texts(value) : old.tags(),
                field.equals("archs") ? texts(value) : old.archs(),
                old.isPublic(), old.source(), old.createdAt()));
        Exchanges.success(exchange, "");
    }

    /**
     * backend/internal/handler/image/image.go: UserListImage. Public images and the user's own,
     * newest first, as ImageInfo; before May 2025 with creatorName/nickName instead of userInfo
     * and without tags or imageBuildSource.
     */
    private void listImages(HttpExchange exchange, String user) throws IOException {
        ArrayNode list = Exchanges.JSON.createArrayNode();
        images.stream()
                .filter(image -> image.isPublic() || image.owner().equals(user))
                .sorted(Comparator.comparingLong(ImageRecord::id).reversed())
                .forEach(image -> list.add(imageInfo(image)));
        ObjectNode data = Exchanges.JSON.createObjectNode();
        data.set("imageList", list);
        Exchanges.success(exchange, data);
    }

    private ObjectNode imageInfo(ImageRecord image) {
        ObjectNode info = Exchanges.JSON.createObjectNode()
                .put("ID", image.id())
                .put("imageLink", image.link())
                .put("description", image.description())
                .put("createdAt", image.createdAt().toString())
                .put("taskType", image.taskType())
                .put("isPublic", image.isPublic());
        if (version.creatorNameInList()) {
            info.put("creatorName", image.owner()).put("nickName", image.owner());
            return info;
        }
        info.putObject("userInfo").put("username", image.owner()).put("nickname", image.owner());
        ArrayNode tags = info.putArray("tags");
        image.tags().forEach(tags::add);
        info.put("imageBuildSource", image.source());
        info.putNull("imagepackName");
        info.put("imageShareStatus", image.isPublic() ? "Public" : "Private");
        // handler/image/image.go: the list falls back to linux/amd64 only for a null value.
        ArrayNode archs = info.putArray("archs");
        (image.archs() == null ? List.of("linux/amd64") : image.archs()).forEach(archs::add);
        return info;
    }

    /**
     * backend/internal/handler/image/image.go: CheckLinkValidity. Each link is split by
     * SplitImageLink and looked up anonymously in Harbor, the repository encoded only once, so a
     * nested repository is never found. Answers the invalid pairs.
     */
    private void checkLinks(HttpExchange exchange, String body) throws IOException {
        ArrayNode invalid = Exchanges.JSON.createArrayNode();
        JsonNode pairs = Exchanges.jsonBody(body).map(json -> json.path("linkPairs")).orElse(Exchanges.JSON.createArrayNode());
        for (JsonNode pair : pairs) {
            if (!linkExists(pair.path("imageLink").asText(""))) {
                invalid.add(pair);
            }
        }
        ObjectNode data = Exchanges.JSON.createObjectNode();
        data.set("linkPairs", invalid);
        Exchanges.success(exchange, data);
    }

    private boolean linkExists(String link) throws IOException {
        Matcher parts = IMAGE_LINK.matcher(link);
        if (!parts.matches() || !parts.group(1).equals(harborServer) || parts.group(3).contains("/")) {
            return false;
        }
        return registry.hasManifest(parts.group(2) + "/" + parts.group(3), parts.group(4));
    }

    private static void badRequest(HttpExchange exchange, String message) throws IOException {
        Exchanges.envelope(exchange, 400, PlatformCodes.INVALID_REQUEST, null, message);
    }

    /**
     * Runs it on its own for the demo, with one user on the project's local registry:
     * {@code FakePlatform [port] [user] [password] [version]} (defaults 8099, demo, demo-password,
     * CURRENT); the registry comes from {@code $TEST_STACK_DIR} (default /tmp/harbor-upload-stack)
     * and {@code $TEST_REGISTRY}. On exit it removes the user's registry login it created.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(env.getOrDefault("TEST_HARBOR_API_PORT", "8099"));
        String user = args.length > 1 ? args[1] : "demo";
        String password = args.length > 2 ? args[2] : "demo-password";
        ServerVersion version = args.length > 3 ? ServerVersion.valueOf(args[3]) : ServerVersion.CURRENT;
        Path stack = Path.of(env.getOrDefault("TEST_STACK_DIR", "/tmp/harbor-upload-stack"));
        RegistryAccounts registry = new HtpasswdRegistry(stack.resolve("reg").resolve("htpasswd"),
                // The Harbor look-alike when the stack has one: the registry and this server's Harbor API on one host.
                env.getOrDefault("TEST_HARBOR", env.getOrDefault("TEST_REGISTRY", "127.0.0.1:5000")),
                new Credential(env.getOrDefault("TEST_REGISTRY_USER", "testuser"),
                        env.getOrDefault("TEST_REGISTRY_PASSWORD", "testpass")));
        FakePlatform platform = start(version, registry, port).user(user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            try {
                registry.remove(user);
            } catch (IOException e) {
                System.err.println("Could not remove " + user + " from the registry: " + e.getMessage());
            }
        }));
        System.out.println("Fake platform (" + version + ") at " + platform.address() + ", Harbor " + registry.host()
                + ", Harbor API " + platform.address() + "/api/v2.0, user " + user);
        System.out.println("Stop with Ctrl+C.");
    }
}
