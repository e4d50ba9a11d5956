package io.github.harborupload.platformserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of Harbor's v2.0 API the wizard calls (goharbor/harbor api/v2.0/swagger.yaml), with
 * logins checked against the registry behind it. Served by {@link FakePlatform} under
 * {@code /api/v2.0/}.
 */
public final class FakeHarborApi {

    /** src/core/auth/authenticator.go: frozenTime. */
    static final Duration FROZEN_TIME = Duration.ofMillis(1500);
    /** Harbor's robot accounts are named robot$…; they are not local users. */
    private static final String ROBOT_PREFIX = "robot$";

    /** A project's owner and storage. */
    private record Project(String owner, long hardBytes, long usedBytes, boolean quotaShown) {
    }

    private final RegistryAccounts registry;
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final Map<String, Long> lockedAt = new ConcurrentHashMap<>();
    private volatile boolean plainRegistry;

    FakeHarborApi(RegistryAccounts registry) {
        this.registry = registry;
    }

    /** Creates or replaces a project with its quota; a negative limit is unlimited. */
    public FakeHarborApi project(String name, String owner, long hardBytes, long usedBytes) {
        projects.put(name, new Project(owner, hardBytes, usedBytes, true));
        return this;
    }

    /** The project's summary leaves the quota out, as Harbor does without quota read permission. */
    public FakeHarborApi hideQuota(String name) {
        projects.computeIfPresent(name, (key, p) -> new Project(p.owner(), p.hardBytes(), p.usedBytes(), false));
        return this;
    }

    /** Answer every Harbor API path as a plain distribution registry does: 404 "404 page not found". */
    public FakeHarborApi plainRegistry(boolean value) {
        plainRegistry = value;
        return this;
    }

    /**
     * What the platform reads for its quota endpoint (backend/internal/handler/image/harbor.go:
     * UserGetProjectDetail): the project's limit and use, if the project exists.
     */
    Optional<long[]> storage(String project) {
        Project p = projects.get(project);
        return p == null ? Optional.empty() : Optional.of(new long[] {p.usedBytes(), p.hardBytes()});
    }

    /** backend/pkg/imageregistry/registry.go: CheckOrCreateProjectForUser, 40 GiB by default. */
    void createProjectIfMissing(String project, String owner) {
        projects.putIfAbsent(project, new Project(owner, 40L << 30, 0, true));
    }

    void handle(HttpExchange exchange, String rawPath) throws IOException {
        if (plainRegistry) {
            Exchanges.notFoundPage(exchange);
            return;
        }
        String[] parts = rawPath.substring("/api/v2.0/".length()).split("/", -1);
        if (!exchange.getRequestMethod().equals("GET")) {
            harborError(exchange, 405, "METHOD_NOT_ALLOWED", "method not allowed");
        } else if (parts.length == 2 && parts[0].equals("users") && parts[1].equals("current")) {
            currentUser(exchange);
        } else if (parts.length == 3 && parts[0].equals("projects") && parts[2].equals("summary")) {
            summary(exchange, decode(parts[1]));
        } else if (parts.length == 6 && parts[0].equals("projects") && parts[2].equals("repositories")
                && parts[4].equals("artifacts")) {
            artifact(exchange, decode(parts[1]), parts[3], decode(parts[5]));
        } else {
            harborError(exchange, 404, "NOT_FOUND", "path not found");
        }
    }

    /**
     * src/server/v2.0/handler/user.go: GetCurrentUserInfo needs a local security context: none is
     * 401, a robot 412. src/core/auth/authenticator.go: a failed login locks the user and sleeps
     * 1.5 s; while locked, even the right password gets no security context.
     */
    private void currentUser(HttpExchange exchange) throws IOException {
        Optional<String[]> login = Exchanges.basicAuth(exchange);
        if (login.isEmpty()) {
            harborError(exchange, 401, "UNAUTHORIZED", "unauthorized");
            return;
        }
        String user = login.get()[0];
        if (locked(user)) {
            harborError(exchange, 401, "UNAUTHORIZED", "unauthorized");
            return;
        }
        if (!registry.accepts(user, login.get()[1])) {
            lockedAt.put(user, System.nanoTime());
            sleep(FROZEN_TIME);
            harborError(exchange, 401, "UNAUTHORIZED", "unauthorized");
            return;
        }
        if (user.startsWith(ROBOT_PREFIX)) {
            harborError(exchange, 412, "PRECONDITION", "the security context is not a local user");
            return;
        }
        ObjectNode body = Exchanges.JSON.createObjectNode()
                .put("user_id", Math.abs(user.hashCode()))
                .put("username", user)
                .put("email", user + "@example.com")
                .put("realname", user)
                .put("comment", "")
                .put("sysadmin_flag", false)
                .put("admin_role_in_auth", false)
                .put("creation_time", "2025-01-01T00:00:00.000Z")
                .put("update_time", "2025-01-01T00:00:00.000Z");
        Exchanges.json(exchange, 200, body);
    }

    /**
     * src/server/v2.0/handler/project.go: GetProjectSummary; the quota only for a caller with quota
     * read permission (here: the owner). A wrong Basic login is anonymous
     * (src/server/middleware/security/basic_auth.go returns no context).
     */
    private void summary(HttpExchange exchange, String name) throws IOException {
        Project project = projects.get(name);
        if (project == null) {
            harborError(exchange, 404, "NOT_FOUND", "project " + name + " not found");
            return;
        }
        ObjectNode body = Exchanges.JSON.createObjectNode()
                .put("repo_count", 0)
                .put("project_admin_count", 1)
                .put("maintainer_count", 0)
                .put("developer_count", 0)
                .put("guest_count", 0)
                .put("limited_guest_count", 0);
        if (project.quotaShown() && project.owner().equals(caller(exchange))) {
            ObjectNode quota = body.putObject("quota");
            quota.putObject("hard").put("storage", project.hardBytes());
            quota.putObject("used").put("storage", project.usedBytes());
        }
        Exchanges.json(exchange, 200, body);
    }

    /**
     * api/v2.0/swagger.yaml: repository_name "If it contains slash, encode it twice over with URL
     * encoding". The router matches the path decoded once, so a name encoded only once holds a
     * slash there and matches nothing: Harbor then answers 404.
     */
    private void artifact(HttpExchange exchange, String project, String rawRepository, String reference) throws IOException {
        String once = decode(rawRepository);
        if (once.contains("/")) {
            harborError(exchange, 404, "NOT_FOUND", "path not found");
            return;
        }
        String repository = decode(once);
        if (!registry.hasManifest(project + "/" + repository, reference)) {
            // src/controller/artifact/controller.go: "artifact %s:%s not found"
            harborError(exchange, 404, "NOT_FOUND", "artifact " + project + "/" + repository + ":" + reference + " not found");
            return;
        }
        ObjectNode body = Exchanges.JSON.createObjectNode()
                .put("id", 1)
                .put("type", "IMAGE")
                .put("repository_name", project + "/" + repository)
                .put("digest", "sha256:" + "0".repeat(64))
                .put("size", 0);
        body.putArray("tags").addObject().put("name", reference);
        Exchanges.json(exchange, 200, body);
    }

    /** The logged-in user, or null for anonymous (no login, a wrong one, or a locked user). */
    private String caller(HttpExchange exchange) throws IOException {
        Optional<String[]> login = Exchanges.basicAuth(exchange);
        if (login.isEmpty() || locked(login.get()[0])) {
            return null;
        }
        return registry.accepts(login.get()[0], login.get()[1]) ? login.get()[0] : null;
    }

    private boolean locked(String user) {
        Long at = lockedAt.get(user);
        return at != null && System.nanoTime() - at < FROZEN_TIME.toNanos();
    }

    /** Harbor's error shape (src/lib/http/error.go): {@code {"errors":[{"code","message"}]}}. */
    private static void harborError(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = Exchanges.JSON.createObjectNode();
        body.putArray("errors").addObject().put("code", code).put("message", message);
        Exchanges.json(exchange, status, body);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
