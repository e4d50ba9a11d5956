import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Harbor core, for the test stack: the token service and the reverse proxy in front
 * of Harbor's registry, on one address as in Harbor. Run with {@code java HarborCore.java} (JDK
 * only: the stack starts before any build).
 *
 * <p>{@code GET /service/token} answers as Harbor's token service does: Basic credentials checked
 * against the stack's user list (a wrong password is a 401 with an empty body, Harbor's
 * {@code CustomAbort(401, "")}), pull granted everywhere, push only under {@code user-<name>/}, an
 * RS256 JWT whose header carries the signing certificate in {@code x5c}, as distribution 2.8's
 * {@code auth: token} verifies it.
 *
 * <p>Everything else goes to the registry unchanged, headers and {@code Host} included (so the
 * registry's upload URLs lead back through whatever gateway the client used), one request per
 * connection ({@code Connection: close}), bodies streamed. Three faults, read from files in the state
 * folder on each request so a test can set them without a restart:
 * <ul>
 *   <li>{@code commit-delay}: seconds to hold the registry's answer to a blob commit
 *   ({@code PUT …/blobs/uploads/…?digest=}) after the registry gave it: the blob is stored, the
 *   answer is late, as when Harbor on object storage moves a large layer;</li>
 *   <li>{@code patch-delay}: seconds to hold the registry's answer to every chunk ({@code PATCH}), as
 *   a slow link does: a chunk stays in flight that long (a pause must wait for it);</li>
 *   <li>{@code cut-next-patch}: a byte count; the next PATCH passes that many body bytes, then both
 *   connections are closed (a cut inside a chunk), and the file is removed.</li>
 * </ul>
 * Every request is logged to {@code requests.log} in the state folder, one line each:
 * {@code METHOD STATUS BODY_BYTES PATH DIGEST} (status {@code cut} for a cut, {@code -} for a token
 * request, which is answered here; body bytes as they
 * came on the wire, chunk framing included when the client sent chunks; digest {@code -} when none).
 *
 * <p>Configuration (environment): {@code CORE_ADDR} (host:port to listen on), {@code CORE_UPSTREAM}
 * (the registry's host:port), {@code CORE_DIR} (state folder with {@code token.key}, PKCS#8 PEM,
 * {@code token.crt} and {@code users}, lines {@code name:password}), {@code TOKEN_ISSUER},
 * {@code TOKEN_SERVICE}, {@code TOKEN_LIFETIME_SECONDS}.
 */
public final class HarborCore {

    private static final Pattern UPLOAD = Pattern.compile("^/v2/.+/blobs/uploads/[^/?]+");
    private static final Pattern DIGEST = Pattern.compile("[?&]digest=([^&]+)");

    private final Path dir;
    private final String upstreamHost;
    private final int upstreamPort;
    private final TokenService tokens;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private HarborCore(Path dir, String upstream, TokenService tokens) {
        this.dir = dir;
        this.upstreamHost = host(upstream);
        this.upstreamPort = port(upstream);
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(env("CORE_DIR"));
        TokenService tokens = new TokenService(dir, env("TOKEN_ISSUER"), env("TOKEN_SERVICE"),
                Long.parseLong(env("TOKEN_LIFETIME_SECONDS")));
        String listen = env("CORE_ADDR");
        ServerSocket server = new ServerSocket(port(listen), 128, InetAddress.getByName(host(listen)));
        new HarborCore(dir, env("CORE_UPSTREAM"), tokens).serve(server);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private void serve(ServerSocket server) throws IOException {
        while (true) {
            Socket client = server.accept();
            threads.execute(() -> handle(client));
        }
    }

    private void handle(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Request request = Request.read(in);
            if (request == null) {
                return;
            }
            if (request.path().equals("/service/token")) {
                log(request, "-", 0); // so tests can count how often a push renewed its token
                tokens.answer(request, client.getOutputStream());
                return;
            }
            upstream = new Socket(upstreamHost, upstreamPort);
            upstream.getOutputStream().write(request.headWithConnectionClose());
            Exchange exchange = new Exchange(request);
            Socket registry = upstream;
            threads.execute(() -> relayAnswer(registry, client, exchange));
            long limit = request.method().equals("PATCH") ? claimCut() : Long.MAX_VALUE;
            exchange.copyBody(in, upstream.getOutputStream(), limit);
            if (exchange.bodyBytes() >= limit) {
                log(request, "cut", exchange.bodyBytes());
                upstream.close();
                return;
            }
            upstream.shutdownOutput();
            exchange.awaitAnswer();
        } catch (IOException | InterruptedException e) {
            // a side went away (a gateway that timed out, a client that gave up): this exchange is over
        } finally {
            closeQuietly(upstream);
        }
    }

    /** Copies the registry's answer to the client, late when it ends a blob upload and a delay is set. */
    private void relayAnswer(Socket registry, Socket client, Exchange exchange) {
        try {
            InputStream in = registry.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n = in.read(buffer);
            if (n > 0) {
                String status = statusOf(buffer, n);
                log(exchange.request(), status, exchange.bodyBytes());
                if (exchange.request().isBlobCommit()) {
                    Thread.sleep(delayMillis("commit-delay"));
                } else if (exchange.request().method().equals("PATCH")) {
                    Thread.sleep(delayMillis("patch-delay"));
                }
                do {
                    out.write(buffer, 0, n);
                } while ((n = in.read(buffer)) > 0);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client stopped waiting (a gateway's read timeout): the registry's work is done anyway
        } finally {
            closeQuietly(registry);
            closeQuietly(client);
            exchange.answered();
        }
    }

    private static String statusOf(byte[] buffer, int n) {
        String line = new String(buffer, 0, Math.min(n, 32), StandardCharsets.ISO_8859_1);
        String[] parts = line.split(" ", 3);
        return parts.length > 1 ? parts[1] : "?";
    }

    private long delayMillis(String setting) {
        String text = readSetting(setting);
        return text == null ? 0 : (long) (Double.parseDouble(text) * 1000);
    }

    /** The byte count of an armed cut, taking it (the file goes), or no limit. */
    private long claimCut() throws IOException {
        String text = readSetting("cut-next-patch");
        if (text == null) {
            return Long.MAX_VALUE;
        }
        try {
            Files.delete(dir.resolve("cut-next-patch"));
        } catch (NoSuchFileException anotherPatchTookIt) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(text);
    }

    private String readSetting(String name) {
        try {
            String text = Files.readString(dir.resolve(name)).trim();
            return text.isEmpty() ? null : text;
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void log(Request request, String status, long bodyBytes) {
        String line = request.method() + " " + status + " " + bodyBytes + " " + request.path() + " "
                + request.digest().orElse("-") + "\n";
        try {
            Files.writeString(dir.resolve("requests.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One request's head, read up to the empty line; the body stays in the stream. */
    record Request(String method, String target, List<String> headers) {

        private static final int MAX_HEAD = 64 * 1024;

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int b; matched < 4; ) {
                if ((b = in.read()) < 0 || head.size() > MAX_HEAD) {
                    return null;
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Request(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1], headers);
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        Optional<String> digest() {
            Matcher digest = DIGEST.matcher(target);
            return digest.find() ? Optional.of(URLDecoder.decode(digest.group(1), StandardCharsets.UTF_8))
                    : Optional.empty();
        }

        boolean isBlobCommit() {
            return method.equals("PUT") && UPLOAD.matcher(path()).find() && digest().isPresent();
        }

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).findFirst();
        }

        List<String> query(String name) {
            int start = target.indexOf('?');
            List<String> values = new ArrayList<>();
            if (start >= 0) {
                for (String pair : target.substring(start + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).equals(name)) {
                        values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }

        /** The head as it came, but asking for one request per connection, so no framing is needed here. */
        byte[] headWithConnectionClose() {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            for (String header : headers) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                    head.append(header).append("\r\n");
                }
            }
            return head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** A request on its way through: the body bytes passed so far, and whether the answer is done. */
    static final class Exchange {

        private final Request request;
        private volatile long bodyBytes;
        private boolean answered;

        Exchange(Request request) {
            this.request = request;
        }

        Request request() {
            return request;
        }

        long bodyBytes() {
            return bodyBytes;
        }

        /**
         * Streams the body until the client stops sending, the answer is done (which closes the
         * client), or {@code limit} bytes passed.
         */
        void copyBody(InputStream in, OutputStream out, long limit) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (bodyBytes < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - bodyBytes));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                bodyBytes += n;
            }
            out.flush();
        }

        synchronized void answered() {
            answered = true;
            notifyAll();
        }

        synchronized void awaitAnswer() throws InterruptedException {
            while (!answered) {
                wait();
            }
        }
    }

    /** Harbor's token service, as far as distribution's {@code auth: token} and a client see it. */
    static final class TokenService {

        private static final Pattern REPOSITORY_SCOPE = Pattern.compile("^repository:([^:]+):(.+)$");

        private final Path users;
        private final String issuer;
        private final String service;
        private final long lifetimeSeconds;
        private final PrivateKey key;
        private final String certificate;

        TokenService(Path dir, String issuer, String service, long lifetimeSeconds) throws Exception {
            this.users = dir.resolve("users");
            this.issuer = issuer;
            this.service = service;
            this.lifetimeSeconds = lifetimeSeconds;
            this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(dir.resolve("token.key"))));
            try (InputStream in = Files.newInputStream(dir.resolve("token.crt"))) {
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                this.certificate = Base64.getEncoder().encodeToString(cert.getEncoded());
            }
        }

        private static byte[] pem(Path file) throws IOException {
            String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        }

        void answer(Request request, OutputStream out) throws IOException {
            String user = null;
            Optional<String> authorization = request.header("Authorization");
            if (authorization.isPresent()) {
                user = authenticated(authorization.get());
                if (user == null) {
                    respond(out, "401 Unauthorized", "");
                    return;
                }
            }
            Instant now = Instant.now();
            String token = sign(user, grants(user, request.query("scope")), now);
            respond(out, "200 OK", "{\"token\":\"" + token + "\",\"access_token\":\"" + token + "\",\"expires_in\":"
                    + lifetimeSeconds + ",\"issued_at\":\"" + now + "\"}");
        }

        /** The user whose Basic credentials these are, or null when they match nobody. */
        private String authenticated(String authorization) throws IOException {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            return Files.readAllLines(users).contains(pair) ? pair.substring(0, pair.indexOf(':')) : null;
        }

        /** The access claim: pull everywhere, push only under the user's own project; nothing for anonymous. */
        private String grants(String user, List<String> scopes) {
            List<String> entries = new ArrayList<>();
            for (String scope : scopes) {
                Matcher repository = REPOSITORY_SCOPE.matcher(scope);
                if (user == null || !repository.matches()) {
                    continue;
                }
                String name = repository.group(1);
                List<String> actions = new ArrayList<>();
                for (String action : repository.group(2).split(",")) {
                    boolean allowed = action.equals("pull") || action.equals("push") && name.startsWith("user-" + user + "/");
                    if (allowed) {
                        actions.add("\"" + action + "\"");
                    }
                }
                entries.add("{\"type\":\"repository\",\"name\":\"" + name + "\",\"actions\":[" + String.join(",", actions) + "]}");
            }
            return "[" + String.join(",", entries) + "]";
        }

        private String sign(String user, String access, Instant now) {
            long iat = now.getEpochSecond();
            String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + certificate + "\"]}";
            String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + (user == null ? "" : user) + "\",\"aud\":\""
                    + service + "\",\"exp\":" + (iat + lifetimeSeconds) + ",\"nbf\":" + iat + ",\"iat\":" + iat
                    + ",\"jti\":\"" + UUID.randomUUID() + "\",\"access\":" + access + "}";
            String signed = base64Url(header) + "." + base64Url(claims);
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key);
                rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
                return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a token", e);
            }
        }

        private static String base64Url(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        private static void respond(OutputStream out, String status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }
    }
}
