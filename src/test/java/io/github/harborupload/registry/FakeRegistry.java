package io.github.harborupload.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry in memory that behaves as distribution 2.8 does where the uploader cares
 * (registry/handlers/blobupload.go, registry/storage/blobwriter.go): each upload's offset rides in a
 * {@code _state} query of its {@code Location}, PATCH ignores {@code Content-Range}, a request whose
 * state does not match the bytes held answers {@code BLOB_UPLOAD_INVALID} and drops the session
 * (GET too). Plus the faults the real parts cannot make on demand: a gateway's 413 over a body limit,
 * 5xx before the body is read, a connection cut in the middle of a chunk (its bytes kept, as
 * distribution keeps them), a commit answered 504 while the blob is stored (or not), tokens revoked.
 */
final class FakeRegistry implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret-Passw0rd";

    /** Every request as it arrived. */
    record Request(String method, String path, String query, Map<String, String> headers, int bodyLength) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    enum Auth { NONE, BASIC, BEARER }

    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]*)");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

    private final HttpServer server;
    private final Auth auth;
    final List<Request> requests = new ArrayList<>();
    final Map<String, byte[]> blobs = new HashMap<>();
    final Map<String, byte[]> manifests = new HashMap<>();
    private final Map<String, ByteArrayOutputStream> uploads = new HashMap<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> validTokens = new ArrayList<>();
    final AtomicInteger commits = new AtomicInteger();

    // Faults, set by the tests.
    volatile long bodyLimit = Long.MAX_VALUE;
    volatile boolean absoluteLocations;
    volatile int patchesBefore503 = -1;
    volatile int patchesBeforeCut = -1;
    volatile int commits504Stored;
    volatile int commits504Lost;
    /** Commits answered 503 before they reach the registry (a gateway while Harbor restarts). */
    volatile int commits503;
    volatile int tokenLifetimeSeconds = 300;
    /** When set, PATCH answers 403 DENIED with these words (Harbor's quota or permission refusals). */
    volatile String patchDenied;

    FakeRegistry(Auth auth) throws IOException {
        this.auth = auth;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    synchronized List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    synchronized void revokeTokens() {
        validTokens.clear();
    }

    synchronized byte[] blob(String digest) {
        return blobs.get(digest);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        long declared = headers.containsKey("content-length") ? Long.parseLong(headers.get("content-length")) : -1;
        if (declared > bodyLimit) {
            // nginx checks client_max_body_size against Content-Length before reading the body.
            record(method, path, uri.getRawQuery(), headers, 0);
            send(exchange, 413, "text/html", "<html><head><title>413 Request Entity Too Large</title></head></html>");
            return;
        }
        if (method.equals("PATCH") && patchesBeforeCut == 0) {
            patchesBeforeCut = -1;
            cutMidChunk(exchange, path, uri.getRawQuery(), headers);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        record(method, path, uri.getRawQuery(), headers, body.length);
        if (path.equals("/token")) {
            token(exchange, headers);
            return;
        }
        if (!authorized(headers)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", auth == Auth.BASIC
                    ? "Basic realm=\"registry\""
                    : "Bearer realm=\"http://" + host() + "/token\",service=\"harbor-registry\"");
            error(exchange, 401, "UNAUTHORIZED", "authentication required");
            return;
        }
        if (path.equals("/v2/")) {
            send(exchange, 200, "application/json", "{}");
            return;
        }
        Matcher upload = UPLOAD.matcher(path);
        Matcher blob = BLOB.matcher(path);
        Matcher manifest = MANIFEST.matcher(path);
        if (upload.matches()) {
            upload(exchange, method, upload.group(1), upload.group(2), uri.getRawQuery(), body);
        } else if (blob.matches()) {
            byte[] held = blob(blob.group(2));
            if (held == null) {
                error(exchange, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            } else {
                exchange.getResponseHeaders().set("Docker-Content-Digest", blob.group(2));
                if (method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(held.length));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                } else {
                    send(exchange, 200, "application/octet-stream", held);
                }
            }
        } else if (manifest.matches()) {
            manifest(exchange, method, manifest.group(1) + ":" + manifest.group(2), body, headers);
        } else {
            error(exchange, 404, "NAME_UNKNOWN", "repository name not known to registry");
        }
    }

    private synchronized void record(String method, String path, String query, Map<String, String> headers, int length) {
        requests.add(new Request(method, path, query, headers, length));
    }

    private synchronized boolean authorized(Map<String, String> headers) {
        String given = headers.getOrDefault("authorization", "");
        return switch (auth) {
            case NONE -> true;
            case BASIC -> given.equals(basic());
            case BEARER -> given.startsWith("Bearer ") && validTokens.contains(given.substring(7));
        };
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange, Map<String, String> headers) throws IOException {
        if (!basic().equals(headers.get("authorization"))) {
            // Echoes what it was sent, as a careless gateway or token service may.
            error(exchange, 401, "UNAUTHORIZED", "invalid credentials: " + headers.get("authorization"));
            return;
        }
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig" + tokensIssued.incrementAndGet();
        synchronized (this) {
            validTokens.add(token);
        }
        send(exchange, 200, "application/json", "{\"token\":\"" + token + "\",\"expires_in\":" + tokenLifetimeSeconds + "}");
    }

    private void upload(HttpExchange exchange, String method, String repository, String id, String query, byte[] body)
            throws IOException {
        if (method.equals("POST") && id.isEmpty()) {
            if (query != null && query.startsWith("mount=")) {
                String digest = query.replaceFirst("mount=([^&]+).*", "$1");
                if (blob(digest) != null) {
                    exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
                    exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + digest);
                    send(exchange, 201, null, "");
                    return;
                }
            }
            String session = UUID.randomUUID().toString();
            synchronized (this) {
                uploads.put(session, new ByteArrayOutputStream());
            }
            accepted(exchange, 202, repository, session, 0);
            return;
        }
        ByteArrayOutputStream held;
        synchronized (this) {
            held = uploads.get(id);
        }
        if (held == null) {
            error(exchange, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        long state = query != null && query.contains("_state=") ? Long.parseLong(query.replaceFirst(".*_state=(\\d+).*", "$1")) : -1;
        if (state != held.size()) {
            synchronized (this) {
                uploads.remove(id);
            }
            error(exchange, 400, "BLOB_UPLOAD_INVALID", "blob upload invalid");
            return;
        }
        switch (method) {
            case "GET" -> accepted(exchange, 204, repository, id, held.size());
            case "DELETE" -> {
                synchronized (this) {
                    uploads.remove(id);
                }
                send(exchange, 204, null, "");
            }
            case "PATCH" -> {
                if (patchDenied != null) {
                    error(exchange, 403, "DENIED", patchDenied);
                    return;
                }
                if (patchesBefore503 == 0) {
                    patchesBefore503 = -1;
                    send(exchange, 503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
                    return;
                }
                if (patchesBefore503 > 0) {
                    patchesBefore503--;
                }
                if (patchesBeforeCut > 0) {
                    patchesBeforeCut--;
                }
                held.writeBytes(body);
                accepted(exchange, 202, repository, id, held.size());
            }
            case "PUT" -> commit(exchange, repository, id, query, held, body);
            default -> error(exchange, 405, "UNSUPPORTED", method);
        }
    }

    private void commit(HttpExchange exchange, String repository, String id, String query, ByteArrayOutputStream held,
            byte[] body) throws IOException {
        if (commits503 > 0) {
            commits503--;
            send(exchange, 503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
            return;
        }
        held.writeBytes(body);
        String digest = query.replaceFirst(".*digest=([^&]+).*", "$1").replace("%3A", ":");
        byte[] bytes = held.toByteArray();
        if (!BlobSource.sha256(bytes).equals(digest)) {
            error(exchange, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        commits.incrementAndGet();
        synchronized (this) {
            uploads.remove(id);
        }
        if (commits504Lost > 0) {
            commits504Lost--;
            send(exchange, 504, "text/html", "<html><body><h1>504 Gateway Time-out</h1></body></html>");
            return;
        }
        synchronized (this) {
            blobs.put(digest, bytes);
        }
        if (commits504Stored > 0) {
            commits504Stored--;
            send(exchange, 504, "text/html", "<html><body><h1>504 Gateway Time-out</h1></body></html>");
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
        exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + digest);
        send(exchange, 201, null, "");
    }

    /** Half the chunk is read and kept, then the connection drops: distribution's blobwriter keeps partial bytes. */
    private void cutMidChunk(HttpExchange exchange, String path, String query, Map<String, String> headers)
            throws IOException {
        Matcher upload = UPLOAD.matcher(path);
        long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
        InputStream in = exchange.getRequestBody();
        byte[] half = in.readNBytes((int) (length / 2));
        record("PATCH", path, query, headers, half.length);
        if (upload.matches()) {
            synchronized (this) {
                ByteArrayOutputStream held = uploads.get(upload.group(2));
                if (held != null) {
                    held.writeBytes(half);
                }
            }
        }
        // An exception out of the handler makes the server close the connection without an answer.
        throw new IOException("cut in the middle of the chunk");
    }

    private void manifest(HttpExchange exchange, String method, String key, byte[] body, Map<String, String> headers)
            throws IOException {
        if (method.equals("PUT")) {
            String digest = BlobSource.sha256(body);
            synchronized (this) {
                manifests.put(key, body);
                manifests.put(key.replaceFirst(":[^:]+$", ":" + digest), body);
            }
            exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
            send(exchange, 201, null, "");
            return;
        }
        byte[] held;
        synchronized (this) {
            held = manifests.get(key);
        }
        if (held == null) {
            error(exchange, 404, "MANIFEST_UNKNOWN", "manifest unknown");
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest", BlobSource.sha256(held));
        send(exchange, 200, RegistryClient.DOCKER_MANIFEST_V2, held);
    }

    private void accepted(HttpExchange exchange, int status, String repository, String session, long size)
            throws IOException {
        String location = "/v2/" + repository + "/blobs/uploads/" + session + "?_state=" + size;
        exchange.getResponseHeaders().set("Location", absoluteLocations ? "http://" + host() + location : location);
        exchange.getResponseHeaders().set("Range", "0-" + Math.max(0, size - 1));
        exchange.getResponseHeaders().set("Docker-Upload-UUID", session);
        send(exchange, status, null, "");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "application/json; charset=utf-8",
                "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":null}]}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
