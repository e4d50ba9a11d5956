package io.github.harborupload.harbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.registry.ConnectionFailure;
import io.github.harborupload.registry.RegistryEndpoint;
import io.github.harborupload.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Harbor's v2.0 REST API (goharbor/harbor api/v2.0/swagger.yaml), for the checks before a push.
 * Each check answers, or is {@linkplain HarborCheck#skipped skipped} when the registry has no
 * Harbor API: a 404 or any answer that is not JSON. Real failures throw {@link HarborException}.
 *
 * <p>After a wrong password Harbor locks the user and holds its answer for 1.5 s; meanwhile it
 * refuses that user even with the right password (src/core/auth/authenticator.go: frozenTime).
 * So this client never retries on its own: each check is one request, made when the user asks.
 */
public final class HarborClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final int MAX_EXCERPT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Credential credential;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param apiBase    Harbor's address, e.g. {@code https://gpu-harbor.act.buaa.edu.cn}; see
     *                   {@link HarborAddress#apiBase}
     * @param credential the user to call as, or null to call anonymously (public projects)
     */
    public HarborClient(URI apiBase, Credential credential) {
        this(apiBase, credential, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public HarborClient(URI apiBase, Credential credential, Duration connectTimeout, Duration requestTimeout) {
        this(apiBase, credential, HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Never: a redirect would carry the password to wherever it points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), requestTimeout);
    }

    private HarborClient(URI apiBase, Credential credential, HttpClient http, Duration requestTimeout) {
        String text = Objects.requireNonNull(apiBase, "apiBase").toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.credential = credential;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = http;
    }

    /**
     * A client for the Harbor behind a registry, reached as the push reaches that registry: the
     * endpoint's trust (system store, certs.d CAs and client certificates), its proxy, and its base
     * (https; for an insecure registry unchecked https, else http), so that a Harbor the push
     * trusts is trusted by its checks too. The endpoint's client follows no redirects either.
     * Blocking for an insecure registry, which is asked once whether it speaks https.
     *
     * @throws HarborException ({@link ConnectionFailure#TLS}) when certs.d cannot be read
     */
    public static HarborClient forRegistry(RegistryEndpoint endpoint, Credential credential) throws HarborException {
        try {
            HttpClient http = endpoint.newHttpClient(CONNECT_TIMEOUT);
            return new HarborClient(endpoint.chooseBase(http, REQUEST_TIMEOUT), credential, http, REQUEST_TIMEOUT);
        } catch (RegistryException e) {
            throw new HarborException(ConnectionFailure.TLS, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarborException(HarborException.Kind.CANCELLED, 0, endpoint.host() + ": interrupted");
        }
    }

    public URI apiBase() {
        return base;
    }

    /**
     * The project's storage quota: {@code GET /api/v2.0/projects/{name}/summary}. Skipped when the
     * summary holds no quota (Harbor leaves it out without quota read permission or when
     * per-project quotas are off).
     */
    public HarborCheck<StorageQuota> projectQuota(String project) throws HarborException {
        BoundedExchange.Answer answer = get("/api/v2.0/projects/" + pathSegment(project) + "/summary", true);
        JsonNode json = json(answer);
        if (json == null || (answer.status() == 404 && !isHarborError(json))) {
            return notHarbor(answer);
        }
        if (answer.status() != 200) {
            throw failure(answer, json);
        }
        JsonNode quota = json.path("quota");
        if (!quota.isObject()) {
            return HarborCheck.skipped("the project summary of " + project + " shows no quota");
        }
        JsonNode hard = quota.path("hard").path("storage");
        JsonNode used = quota.path("used").path("storage");
        if (!hard.isIntegralNumber() || !used.isIntegralNumber()) {
            throw new HarborException(HarborException.Kind.SERVER_ERROR, answer.status(),
                    "unexpected project summary: quota.hard.storage and quota.used.storage should be numbers: "
                            + answer.excerpt(MAX_EXCERPT));
        }
        return HarborCheck.answered(new StorageQuota(used.asLong(), hard.asLong()));
    }

    /**
     * Whether the tag (or digest) exists:
     * {@code GET /api/v2.0/projects/{project}/repositories/{repository}/artifacts/{reference}}.
     *
     * @param repository the repository inside the project, e.g. {@code team/app}; sent encoded
     *                   twice as the API asks (a/b → a%252Fb)
     */
    public HarborCheck<Boolean> artifactExists(String project, String repository, String reference)
            throws HarborException {
        String path = "/api/v2.0/projects/" + pathSegment(project)
                + "/repositories/" + pathSegment(pathSegment(repository))
                + "/artifacts/" + pathSegment(reference);
        BoundedExchange.Answer answer = get(path, false);
        JsonNode json = json(answer);
        if (json == null) {
            return notHarbor(answer);
        }
        if (answer.status() == 200) {
            return HarborCheck.answered(true);
        }
        if (answer.status() == 404) {
            return isHarborError(json) ? HarborCheck.answered(false) : notHarbor(answer);
        }
        throw failure(answer, json);
    }

    private BoundedExchange.Answer get(String path, boolean byName) throws HarborException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET();
        if (byName) {
            // Tells Harbor the path holds a project name, not an id, even when it looks numeric.
            request.header("X-Is-Resource-Name", "true");
        }
        try {
            if (credential != null) {
                String pair = credential.username() + ":" + credential.password();
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            return BoundedExchange.send(http, request.build(), MAX_ANSWER_BYTES, requestTimeout);
        } catch (IOException e) {
            throw new HarborException(ConnectionFailure.of(e),
                    "GET " + base + path + ": " + ConnectionFailure.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarborException(HarborException.Kind.CANCELLED, 0, "GET " + base + path + ": interrupted");
        }
    }

    /** The answer as JSON, or null when it is not JSON (a web page, a plain registry's 404 text). */
    private static JsonNode json(BoundedExchange.Answer answer) {
        if (answer.truncated() || answer.body().length == 0) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json != null && json.isContainerNode() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Harbor's error shape: {@code {"errors":[{"code":…,"message":…}]}}. */
    private static boolean isHarborError(JsonNode json) {
        return json.path("errors").isArray();
    }

    private static <T> HarborCheck<T> notHarbor(BoundedExchange.Answer answer) {
        return HarborCheck.skipped("no Harbor API here: HTTP " + answer.status()
                + (answer.contentType().isEmpty() ? "" : " " + answer.contentType())
                + ": " + answer.excerpt(MAX_EXCERPT));
    }

    private static HarborException failure(BoundedExchange.Answer answer, JsonNode json) {
        String said = json.path("errors").path(0).path("message").asText(answer.excerpt(MAX_EXCERPT));
        String message = "HTTP " + answer.status() + ": " + said;
        HarborException.Kind kind = switch (answer.status()) {
            case 401 -> HarborException.Kind.UNAUTHORIZED;
            case 403 -> HarborException.Kind.FORBIDDEN;
            case 404 -> HarborException.Kind.PROJECT_NOT_FOUND;
            default -> HarborException.Kind.SERVER_ERROR;
        };
        return new HarborException(kind, answer.status(), message);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
