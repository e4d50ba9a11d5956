package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.registry.BlobSource;
import io.github.harborupload.registry.RegistryClient;
import io.github.harborupload.registry.RegistrySettings;
import io.github.harborupload.registry.StandInEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, "a re-push costs no more than docker's re-push": what {@link PresentLayers} asks the
 * registry. docker's re-push asks a HEAD per blob and nothing else (its registry log, see
 * docs/benchmarks.md "The re-push in a running process"); ours does the same when the record of
 * earlier pushes knows every layer in the target repository, and reads the repository's tags
 * (distribution's tags/list, manifests, configs) only for what the record cannot tell.
 */
class PresentLayersTest {

    private static final String REPOSITORY = "user-x/app";
    private static final BlobRef LAYER_A = new BlobRef(digest("gz-a"), 10);
    private static final BlobRef LAYER_B = new BlobRef(digest("gz-b"), 20);
    private static final String DIFF_A = digest("a");
    private static final String DIFF_B = digest("b");

    @TempDir
    Path folder;

    private final Map<String, BlobRef> blobs = new ConcurrentHashMap<>();
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> configs = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer registry;
    private ExecutorService checks;
    private PushedLayerRecord record;
    private RegistryClient client;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", this::answer);
        registry.setExecutor(Executors.newCachedThreadPool());
        registry.start();
        checks = Executors.newFixedThreadPool(Pusher.PARALLEL_UPLOADS);
        record = new PushedLayerRecord(folder.resolve("pushed-layers.json"));
        client = new RegistryClient(StandInEndpoints.plainHttp(host()),
                REPOSITORY, new Credential("alice", "secret"), RegistrySettings.defaults());
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
        checks.shutdownNow();
    }

    @Test
    void whenTheRecordKnowsEveryLayerHereOnlyHeadsAreAsked() throws Exception {
        stored(LAYER_A, LAYER_B);
        tagged("v1", LAYER_A, LAYER_B);
        recorded(REPOSITORY, DIFF_A, LAYER_A);
        recorded(REPOSITORY, DIFF_B, LAYER_B);

        Map<String, BlobRef> present = layers().find("v2", List.of(DIFF_A, DIFF_B));

        assertEquals(Map.of(DIFF_A, LAYER_A, DIFF_B, LAYER_B), present);
        assertEquals(Set.of("HEAD /blobs/" + LAYER_A.digest(), "HEAD /blobs/" + LAYER_B.digest()),
                Set.copyOf(repositoryRequests()), "no tags, manifests or configs read");
    }

    @Test
    void whenTheRecordKnowsOnlyPartTheTagsTellTheRest() throws Exception {
        stored(LAYER_A, LAYER_B);
        tagged("v1", LAYER_A, LAYER_B);
        recorded(REPOSITORY, DIFF_A, LAYER_A);

        Map<String, BlobRef> present = layers().find("v2", List.of(DIFF_A, DIFF_B));

        assertEquals(Map.of(DIFF_A, LAYER_A, DIFF_B, LAYER_B), present);
        assertTrue(repositoryRequests().contains("GET /tags/list"), repositoryRequests().toString());
        assertTrue(repositoryRequests().contains("GET /manifests/v1"), repositoryRequests().toString());
    }

    @Test
    void aLayerKnownHereInAnotherRepositoryOnlyMakesTheTagsBeRead() throws Exception {
        stored(LAYER_A, LAYER_B);
        tagged("v1", LAYER_A, LAYER_B);
        recorded(REPOSITORY, DIFF_A, LAYER_A);
        recorded("user-x/other", DIFF_B, LAYER_B);

        Map<String, BlobRef> present = layers().find("v2", List.of(DIFF_A, DIFF_B));

        assertEquals(Map.of(DIFF_A, LAYER_A, DIFF_B, LAYER_B), present);
        assertTrue(repositoryRequests().contains("GET /tags/list"), "the record does not vouch for this repository");
    }

    @Test
    void aLayerGoneFromTheRegistrySinceIsMissingAfterTheTagsWereAsked() throws Exception {
        // The record is only a hint: a layer deleted since (Harbor's garbage collection) must be sent.
        stored(LAYER_A);
        tagged("v1", LAYER_A, LAYER_B);
        recorded(REPOSITORY, DIFF_A, LAYER_A);
        recorded(REPOSITORY, DIFF_B, LAYER_B);

        Map<String, BlobRef> present = layers().find("v2", List.of(DIFF_A, DIFF_B));

        assertEquals(Map.of(DIFF_A, LAYER_A), present);
        assertTrue(repositoryRequests().contains("GET /tags/list"), repositoryRequests().toString());
    }

    private PresentLayers layers() {
        return new PresentLayers(client, new LayersPushedBefore(record, client), checks);
    }

    private void stored(BlobRef... layers) {
        for (BlobRef layer : layers) {
            blobs.put(layer.digest(), layer);
        }
    }

    /** A tag whose manifest and config say that LAYER_A holds DIFF_A and LAYER_B DIFF_B, as docker push leaves them. */
    private void tagged(String tag, BlobRef a, BlobRef b) {
        byte[] config = ("{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + DIFF_A + "\",\"" + DIFF_B + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        String configDigest = BlobSource.sha256(config);
        configs.put(configDigest, config);
        manifests.put(tag, ManifestV2.of(new BlobRef(configDigest, config.length), List.of(a, b)));
    }

    private void recorded(String repository, String diffId, BlobRef blob) {
        record.add(List.of(new PushedLayerRecord.Entry(diffId, client.endpoint().host(), repository, blob.digest(), blob.size())));
    }

    /** The requests to the repository, as "METHOD /rest-of-the-path": the auth probe left out. */
    private List<String> repositoryRequests() {
        List<String> inRepository = new ArrayList<>();
        String prefix = "/v2/" + REPOSITORY;
        for (String request : requests) {
            int space = request.indexOf(' ');
            String path = request.substring(space + 1);
            if (path.startsWith(prefix)) {
                inRepository.add(request.substring(0, space) + " " + path.substring(prefix.length()));
            }
        }
        return inRepository;
    }

    /** distribution's answers, as far as these requests go: HEAD and GET of blobs, tags/list, manifests. */
    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String inRepository = path.startsWith("/v2/" + REPOSITORY + "/") ? path.substring(("/v2/" + REPOSITORY).length()) : "";
        try (exchange) {
            if (path.equals("/v2/")) {
                send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else if (inRepository.equals("/tags/list")) {
                String tags = String.join("\",\"", manifests.keySet());
                send(exchange, 200, "application/json",
                        ("{\"name\":\"" + REPOSITORY + "\",\"tags\":[\"" + tags + "\"]}").getBytes(StandardCharsets.UTF_8));
            } else if (inRepository.startsWith("/manifests/") && manifests.containsKey(inRepository.substring(11))) {
                send(exchange, 200, ManifestV2.MEDIA_TYPE, manifests.get(inRepository.substring(11)));
            } else if (inRepository.startsWith("/blobs/") && configs.containsKey(inRepository.substring(7))) {
                send(exchange, 200, "application/octet-stream", configs.get(inRepository.substring(7)));
            } else if (method.equals("HEAD") && inRepository.startsWith("/blobs/") && blobs.containsKey(inRepository.substring(7))) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(blobs.get(inRepository.substring(7)).size()));
                exchange.sendResponseHeaders(200, -1);
            } else {
                send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private String host() {
        return "127.0.0.1:" + registry.getAddress().getPort();
    }

    private static String digest(String text) {
        return BlobSource.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
