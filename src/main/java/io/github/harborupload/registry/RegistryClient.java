package io.github.harborupload.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry protocol (OCI distribution-spec v1.1) for one repository with one login: what the
 * repository holds (blobs, tags, manifests), cross-repository mounts, the manifest put, and the
 * plumbing {@link BlobUploader} uploads through. Auth as docker does it ({@link RegistryAuth}).
 *
 * <p>One client serves a whole push and may be shared by parallel uploads: it keeps the token and
 * the chunk size a gateway's 413 taught ({@link #chunkSize()}, {@link #bodyLimitSeen()}).
 * Failures are {@link RegistryException}s; this client retries nothing but a 401 (once, with a new
 * token): the uploader decides about the rest.
 */
public final class RegistryClient {

    /** docker's image manifest (schema 2): what docker push writes, and what the pusher puts. */
    public static final String DOCKER_MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    static final List<String> MANIFEST_TYPES = List.of(DOCKER_MANIFEST_V2,
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json");
    /** distribution refuses manifests over 4 MiB (registry/handlers/manifests.go: maxManifestBodySize). */
    static final int MAX_MANIFEST_BYTES = 4 << 20;
    /** Error bodies and small answers: a gateway's HTML page says all it says in less. */
    static final int MAX_ANSWER_BYTES = 64 << 10;
    private static final int MAX_TAG_PAGES = 100;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryEndpoint endpoint;
    private final String repository;
    private final RegistrySettings settings;
    private final HttpClient http;
    private final RegistryAuth auth;
    private final String scope;
    private final AtomicInteger chunkSize;
    private final AtomicLong bodyLimitSeen = new AtomicLong(-1);
    /** {@code https://host} or, for an insecure registry without https, {@code http://host}: chosen at the first request. */
    private URI base;

    /**
     * @param repository the repository's name inside the registry, e.g. {@code user-alice/app}
     * @param credential the login, or null for anonymous
     * @throws RegistryException when the endpoint's CA files cannot be read
     */
    public RegistryClient(RegistryEndpoint endpoint, String repository, Credential credential, RegistrySettings settings)
            throws RegistryException {
        this(endpoint, repository, credential, settings, Clock.systemUTC());
    }

    RegistryClient(RegistryEndpoint endpoint, String repository, Credential credential, RegistrySettings settings,
            Clock clock) throws RegistryException {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = endpoint.newHttpClient(settings.connectTimeout());
        this.scope = scopeOf(repository);
        this.chunkSize = new AtomicInteger(settings.chunkSize());
        this.auth = new RegistryAuth(credential, () -> URI.create(base() + "/v2/"),
                (uri, authorization, max) -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET();
                    authorization.ifPresent(value -> request.header("Authorization", value));
                    return exchange(request.build(), max);
                }, clock);
    }

    public RegistryEndpoint endpoint() {
        return endpoint;
    }

    public String repository() {
        return repository;
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** The chunk size uploads use now: the settings' first, halved by each 413 down to the floor. */
    public int chunkSize() {
        return chunkSize.get();
    }

    /** The smallest request body a gateway refused with 413 during this push, for the problem text. */
    public OptionalLong bodyLimitSeen() {
        long seen = bodyLimitSeen.get();
        return seen < 0 ? OptionalLong.empty() : OptionalLong.of(seen);
    }

    /**
     * Whether the repository holds the blob, and its size: {@code HEAD /v2/<name>/blobs/<digest>}.
     *
     * @return the size, or empty when the registry answers 404
     */
    public Optional<Long> blobSize(String digest) throws RegistryException, InterruptedException {
        Answer answer = call("HEAD", url("/blobs/" + digest), HttpRequest.BodyPublishers.noBody(), 0);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw failure(answer);
        }
        OptionalLong size = answer.headers().firstValueAsLong("Content-Length");
        if (size.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, 200, "HEAD " + url("/blobs/" + digest)
                    + ": 200 without Content-Length");
        }
        return Optional.of(size.getAsLong());
    }

    /**
     * Mounts a blob from another repository of the same registry:
     * {@code POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<repository>}. When the registry
     * opens an upload session instead (it does not have the blob there, or the login may not read
     * it), the session is cancelled at once so it does not linger.
     *
     * @return whether the blob is mounted (201)
     */
    public boolean mount(String digest, String fromRepository) throws RegistryException, InterruptedException {
        String mountScope = scope + " " + "repository:" + fromRepository + ":pull";
        URI uri = url("/blobs/uploads/?mount=" + digest + "&from=" + fromRepository);
        Answer answer = call("POST", uri, HttpRequest.BodyPublishers.noBody(), mountScope, MAX_ANSWER_BYTES);
        if (answer.status() == 201) {
            return true;
        }
        if (answer.status() != 202) {
            throw failure(answer);
        }
        Optional<URI> session = answer.location();
        if (session.isPresent()) {
            cancelSession(session.get());
        }
        return false;
    }

    /** The repository's tags ({@code GET /v2/<name>/tags/list}, every page); none when it does not exist yet. */
    public List<String> tags() throws RegistryException, InterruptedException {
        List<String> tags = new ArrayList<>();
        URI page = url("/tags/list");
        for (int n = 0; page != null && n < MAX_TAG_PAGES; n++) {
            Answer answer = call("GET", page, HttpRequest.BodyPublishers.noBody(), MAX_MANIFEST_BYTES);
            if (answer.status() == 404) {
                return tags;
            }
            if (answer.status() != 200) {
                throw failure(answer);
            }
            JsonNode json = json(answer);
            json.path("tags").forEach(tag -> tags.add(tag.asText()));
            Matcher next = NEXT_LINK.matcher(answer.header("Link").orElse(""));
            page = next.find() ? answer.uri().resolve(next.group(1)) : null;
        }
        return tags;
    }

    /**
     * A manifest by tag or digest ({@code GET /v2/<name>/manifests/<reference>}), accepting docker's
     * and OCI's manifests and indexes; empty when there is none.
     */
    public Optional<RegistryManifest> manifest(String reference) throws RegistryException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/manifests/" + reference))
                .header("Accept", String.join(", ", MANIFEST_TYPES)).GET();
        Answer answer = call(request, scope, MAX_MANIFEST_BYTES + 1);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw failure(answer);
        }
        if (answer.body().length > MAX_MANIFEST_BYTES) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, 200, "GET " + answer.uri()
                    + ": a manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        String digest = BlobSource.sha256(answer.body());
        String said = answer.header("Docker-Content-Digest").orElse(digest);
        if ((reference.startsWith("sha256:") && !reference.equals(digest)) || !said.equals(digest)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, 200, "GET " + answer.uri()
                    + ": the manifest's bytes hash to " + digest + ", the registry says " + said);
        }
        String type = answer.header("Content-Type").orElse("").replaceFirst(";.*", "").strip();
        return Optional.of(new RegistryManifest(answer.body(), type, digest));
    }

    /**
     * A small blob (an image config) in memory, checked against its digest. A registry on object
     * storage may redirect to the storage; the redirect is followed without the login.
     *
     * @throws RegistryException {@link RegistryException.Kind#PROTOCOL} when it is larger than {@code maxBytes}
     *                           or its bytes do not hash to {@code digest}
     */
    public byte[] blob(String digest, int maxBytes) throws RegistryException, InterruptedException {
        Answer answer = call("GET", url("/blobs/" + digest), HttpRequest.BodyPublishers.noBody(), maxBytes + 1);
        if (answer.status() >= 300 && answer.status() < 400 && answer.location().isPresent()) {
            try {
                answer = exchange(HttpRequest.newBuilder(answer.location().get()).timeout(settings.requestTimeout())
                        .GET().build(), maxBytes + 1);
            } catch (IOException e) {
                throw RegistryFailures.noAnswer("GET " + RegistryFailures.withoutQuery(answer.location().get().toString()),
                        e, auth.secrets());
            }
        }
        if (answer.status() != 200) {
            throw failure(answer);
        }
        if (answer.body().length > maxBytes) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, 200, "GET " + url("/blobs/" + digest)
                    + ": larger than the " + maxBytes + " bytes expected");
        }
        String actual = BlobSource.sha256(answer.body());
        if (!actual.equals(digest)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, 200, "GET " + url("/blobs/" + digest)
                    + ": the bytes hash to " + actual);
        }
        return answer.body();
    }

    /**
     * Puts a manifest under a tag: {@code PUT /v2/<name>/manifests/<tag>}.
     *
     * @return the manifest's digest, the sha256 of {@code bytes}, checked against the registry's
     *         {@code Docker-Content-Digest}
     */
    public String putManifest(String tag, byte[] bytes, String mediaType) throws RegistryException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/manifests/" + tag))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Answer answer = call(request, scope, MAX_ANSWER_BYTES);
        if (answer.status() != 201 && answer.status() != 200) {
            throw failure(answer);
        }
        String digest = BlobSource.sha256(bytes);
        Optional<String> said = answer.header("Docker-Content-Digest");
        if (said.isPresent() && !said.get().equals(digest)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, answer.status(), "PUT " + answer.uri()
                    + ": the registry stored the manifest as " + said.get() + ", its bytes hash to " + digest);
        }
        return digest;
    }

    // ---- plumbing shared with BlobUploader ----

    /** {@code https://host/v2/<name><path>}. */
    URI url(String path) throws InterruptedException {
        return URI.create(base() + "/v2/" + repository + path);
    }

    /** The scheme and host, chosen once on the first call, not in the constructor, which a face may call on its own thread. */
    synchronized URI base() throws InterruptedException {
        if (base == null) {
            base = endpoint.chooseBase(http, settings.requestTimeout());
        }
        return base;
    }

    /** Halves the chunk size after a 413 for {@code refused} bytes; false when it is at the floor already. */
    boolean reduceChunkSize(int refused) {
        bodyLimitSeen.accumulateAndGet(refused, (old, now) -> old < 0 ? now : Math.min(old, now));
        int now = chunkSize.get();
        int halved = Math.max(settings.minChunkSize(), Math.min(now, refused) / 2);
        if (refused <= settings.minChunkSize()) {
            return false;
        }
        chunkSize.compareAndSet(now, Math.min(now, halved));
        return true;
    }

    /** Cancels an upload session, quietly: a leftover session only costs the registry a little disk until it purges it. */
    void cancelSession(URI session) throws InterruptedException {
        try {
            call("DELETE", session, HttpRequest.BodyPublishers.noBody(), MAX_ANSWER_BYTES);
        } catch (RegistryException e) {
            // The registry purges abandoned uploads itself (distribution: uploadpurging, 1 week by default).
        }
    }

    /**
     * Sends a request with the Authorization header for this repository, once more after a 401 with
     * a new token. No answer is a {@link RegistryException} of a connection kind; the uploader
     * reads those as "try again".
     */
    Answer call(String method, URI uri, HttpRequest.BodyPublisher body, int maxBody)
            throws RegistryException, InterruptedException {
        return call(HttpRequest.newBuilder(uri).method(method, body), scope, maxBody);
    }

    Answer call(String method, URI uri, HttpRequest.BodyPublisher body, String callScope, int maxBody)
            throws RegistryException, InterruptedException {
        return call(HttpRequest.newBuilder(uri).method(method, body), callScope, maxBody);
    }

    Answer call(HttpRequest.Builder request, String callScope, int maxBody) throws RegistryException, InterruptedException {
        return call(request, callScope, maxBody, settings.requestTimeout());
    }

    Answer call(HttpRequest.Builder request, String callScope, int maxBody, Duration timeout)
            throws RegistryException, InterruptedException {
        request.timeout(timeout);
        HttpRequest built = request.build();
        try {
            boolean renewed = false;
            while (true) {
                auth.header(callScope).ifPresent(value -> request.setHeader("Authorization", value));
                built = request.build();
                Answer answer = exchange(built, maxBody);
                if (answer.status() == 401 && !renewed && auth.renewAfter401(callScope, answer)) {
                    renewed = true;
                    continue;
                }
                return answer;
            }
        } catch (IOException e) {
            throw RegistryFailures.noAnswer(built.method() + " " + RegistryFailures.withoutQuery(built.uri().toString()),
                    e, auth.secrets());
        }
    }

    RegistryException failure(Answer answer) {
        return RegistryFailures.of(answer, auth.secrets());
    }

    /** How many tokens this client fetched: a long push renews them (Harbor's last 30 minutes). */
    int tokensFetched() {
        return auth.tokensFetched();
    }

    /** The password and tokens this client knows, for masking. */
    List<String> secrets() {
        return auth.secrets();
    }

    private Answer exchange(HttpRequest request, int maxBody) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(maxBody);
        }
        return new Answer(request.method(), request.uri(), response.statusCode(), response.headers(), body);
    }

    private JsonNode json(Answer answer) throws RegistryException {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, answer.status(),
                    answer.method() + " " + answer.uri() + ": not JSON: " + SecretMask.mask(answer.words(), auth.secrets()));
        }
    }

    /** What docker asks a token for when it pushes: pull and push on the repository. */
    static String scopeOf(String repository) {
        return "repository:" + repository + ":pull,push";
    }
}
