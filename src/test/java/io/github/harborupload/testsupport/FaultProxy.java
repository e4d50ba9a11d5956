package io.github.harborupload.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry address with faults on demand: an HTTP proxy on loopback in front of the stack's
 * registry. It passes requests unchanged, and when told to it refuses blob uploads with an answer
 * of the test's choice (Harbor's quota or permission message, a gateway's 503), or stalls: it stops
 * moving bytes both ways on every connection and answers no new request until told to pass again.
 *
 * <p>Each request gets a connection of its own ({@code Connection: close} is forced), so the proxy
 * reads only request heads and a fault starts with the next request; an upload in flight runs on.
 * The {@code Host} header passes unchanged, so the registry's upload URLs lead back here.
 */
public final class FaultProxy implements AutoCloseable {

    /** An answer the proxy gives in the registry's place. */
    public record Answer(int status, String reason, String contentType, String body) {

        /** What nginx in front of a Harbor whose core is down answers. */
        public static Answer serviceUnavailable() {
            return new Answer(503, "Service Temporarily Unavailable", "text/html",
                    "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
                            + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n"
                            + "</body>\r\n</html>\r\n");
        }

        /**
         * Harbor's quota middleware (src/pkg/quota/errors.go), as goharbor/harbor#17390 quotes it.
         * Harbor's text names no repository; the parameter lets this stand where the proxy asks
         * for an answer per repository.
         */
        public static Answer harborQuotaExceeded(String repository) {
            return new Answer(403, "Forbidden", "application/json", "{\"errors\":[{\"code\":\"DENIED\",\"message\":"
                    + "\"adding 29.0 MiB of storage resource, which when updated to current usage of 152.4 MiB "
                    + "will exceed the configured upper limit of 10.0 MiB.\"}]}");
        }

        /**
         * Harbor's v2 auth middleware (src/server/middleware/v2auth/auth.go): its error text twice,
         * since Harbor's {@code Error()} appends the cause.
         */
        public static Answer harborUnauthorized(String repository) {
            String text = "unauthorized to access repository: " + repository + ", action: push";
            return new Answer(401, "Unauthorized", "application/json",
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"" + text + ": " + text + "\"}]}");
        }
    }

    private enum Mode { PASS, REFUSE, STALL }

    private static final int MAX_HEAD = 64 * 1024;
    /** The first byte of a TLS ClientHello. */
    private static final int TLS_HANDSHAKE = 0x16;
    private static final int DRAIN_MILLIS = 10_000;
    /** {@code /v2/<repository>/blobs/uploads/<uuid>}: the URL an upload's PATCH and PUT go to. */
    private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([^/?]+)");
    private static final Pattern REPOSITORY = Pattern.compile("^/v2/(.+?)/(?:blobs|manifests)/");
    private static final Pattern DIGEST = Pattern.compile("[?&]digest=([^&]+)");

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Body bytes each upload URL has received, to know a blob's size when its upload ends. */
    private final Map<String, Long> uploadBytes = new ConcurrentHashMap<>();
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Object modeLock = new Object();
    private Mode mode = Mode.PASS;
    private long refuseAbove;
    private Function<String, Answer> refusal;

    private FaultProxy(String upstream) throws IOException {
        int colon = upstream.lastIndexOf(':');
        this.upstreamHost = upstream.substring(0, colon);
        this.upstreamPort = Integer.parseInt(upstream.substring(colon + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A proxy in front of {@code upstream} ({@code host:port}), passing everything. */
    public static FaultProxy start(String upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    /** The registry address to give the program: {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Passes everything from now on; connections that were stalled move again. */
    public void pass() {
        setMode(Mode.PASS, 0, null);
    }

    /**
     * From the next request on, ends every upload of a blob bigger than {@code bytes} with the
     * answer for its repository, in place of the registry's 201. Smaller blobs pass: with 0, every
     * upload is refused.
     */
    public void refuseBlobsOver(long bytes, Function<String, Answer> answer) {
        setMode(Mode.REFUSE, bytes, answer);
    }

    /** Answers every write (POST, PUT, PATCH, DELETE) with the answer for its repository. */
    public void refuseWrites(Function<String, Answer> answer) {
        setMode(Mode.REFUSE, -1, answer);
    }

    /** Stops moving bytes both ways on every connection, and answers nothing, until {@link #pass()}. */
    public void stall() {
        setMode(Mode.STALL, 0, null);
    }

    /** How many requests were refused so far. */
    public int refusals() {
        return refusals.get();
    }

    /**
     * The digests of the blobs whose upload ended through this proxy with the registry's 201, in
     * order, once per upload: a blob sent twice is there twice.
     */
    public List<String> storedBlobs() {
        return List.copyOf(stored);
    }

    @Override
    public void close() throws IOException {
        pass();
        server.close();
        open.forEach(this::discard);
        threads.shutdownNow();
    }

    private void setMode(Mode next, long above, Function<String, Answer> answer) {
        synchronized (modeLock) {
            mode = next;
            refuseAbove = above;
            refusal = answer;
            modeLock.notifyAll();
        }
    }

    /** Blocks while the proxy stalls. */
    private void awaitFlowing() throws IOException {
        synchronized (modeLock) {
            while (mode == Mode.STALL) {
                try {
                    modeLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("proxy closed", e);
                }
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            InputStream fromClient = client.getInputStream();
            int first = fromClient.read();
            awaitFlowing();
            if (first == TLS_HANDSHAKE) {
                notTls(client);
                return;
            }
            byte[] head = first < 0 ? null : readHead(first, fromClient);
            if (head == null) {
                discard(client);
                return;
            }
            String[] requestLine = new String(head, 0, firstLineEnd(head), StandardCharsets.ISO_8859_1).split(" ");
            String method = requestLine[0].toUpperCase(Locale.ROOT);
            String target = requestLine.length > 1 ? requestLine[1] : "/";
            Answer refused = refusalFor(method, target);
            if (refused != null) {
                refusals.incrementAndGet();
                answer(client, refused);
                return;
            }
            upstream = new Socket(upstreamHost, upstreamPort);
            open.add(upstream);
            upstream.getOutputStream().write(withConnectionClose(head));
            Socket server = upstream;
            Matcher upload = UPLOAD.matcher(target);
            String uploadKey = upload.find() ? upload.group() : null;
            threads.execute(() -> copyResponse(server, client, method, target));
            copy(fromClient, upstream.getOutputStream(), uploadKey);
            upstream.shutdownOutput();
        } catch (IOException e) {
            discard(client);
            discard(upstream);
        }
    }

    /** The refusal this request gets, or null when it passes. */
    private Answer refusalFor(String method, String target) {
        boolean write = Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
        Function<String, Answer> answer;
        long above;
        synchronized (modeLock) {
            if (mode != Mode.REFUSE || !write) {
                return null;
            }
            answer = refusal;
            above = refuseAbove;
        }
        Matcher name = REPOSITORY.matcher(target);
        String repository = name.find() ? name.group(1) : "";
        if (above < 0) {
            return answer.apply(repository);
        }
        Matcher upload = UPLOAD.matcher(target);
        boolean finishesUpload = method.equals("PUT") && upload.find() && DIGEST.matcher(target).find();
        return finishesUpload && uploadBytes.getOrDefault(upload.group(), 0L) > above ? answer.apply(repository) : null;
    }

    private void copyResponse(Socket upstream, Socket client, String method, String target) {
        try {
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            boolean first = true;
            for (int n; (n = in.read(buffer)) > 0; ) {
                awaitFlowing();
                if (first) {
                    noteStoredBlob(new String(buffer, 0, Math.min(n, 16), StandardCharsets.ISO_8859_1), method, target);
                    first = false;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            client.shutdownOutput();
        } catch (IOException ignored) {
            // either side went away: the connection is over
        } finally {
            discard(client);
            discard(upstream);
        }
    }

    /** "HTTP/1.1 201" to the PUT that ends an upload: the registry now has that blob. */
    private void noteStoredBlob(String statusLine, String method, String target) {
        Matcher digest = DIGEST.matcher(target);
        if (method.equals("PUT") && statusLine.startsWith("HTTP/1.1 201") && UPLOAD.matcher(target).find() && digest.find()) {
            stored.add(digest.group(1).replace("%3A", ":").replace("%3a", ":"));
        }
    }

    private void copy(InputStream in, OutputStream out, String uploadKey) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            awaitFlowing();
            out.write(buffer, 0, n);
            if (uploadKey != null) {
                uploadBytes.merge(uploadKey, (long) n, Long::sum);
            }
        }
        out.flush();
    }

    /**
     * Writes the answer and ends the connection, after reading what the client still sends: closing
     * with unread bytes would reset the connection before the client reads the answer.
     */
    private void answer(Socket client, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " " + answer.reason() + "\r\n"
                + "Content-Type: " + answer.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Docker-Distribution-Api-Version: registry/2.0\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        client.shutdownOutput();
        client.setSoTimeout(DRAIN_MILLIS);
        try {
            client.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException timedOutOrReset) {
            // the client stopped sending or went away; either way the answer was written
        } finally {
            discard(client);
        }
    }

    /**
     * dockerd tries HTTPS first even for a registry it may reach over HTTP, and falls back at once
     * when the answer is not TLS, as a plain-HTTP registry's Go server makes it: answer the same
     * way, or each request waits for the 10 s TLS handshake timeout.
     */
    private void notTls(Socket client) throws IOException {
        client.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        discard(client);
    }

    /** The request head up to and with the blank line, or null when the client closed first. */
    private static byte[] readHead(int first, InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int matched = first == '\r' ? 1 : 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        return head.toByteArray();
    }

    private static int firstLineEnd(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\r') {
                return i;
            }
        }
        return head.length;
    }

    /** The head with its connection headers replaced by {@code Connection: close}. */
    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
        lines.removeIf(line -> {
            String lower = line.toLowerCase(Locale.ROOT);
            return lower.startsWith("connection:") || lower.startsWith("keep-alive:") || lower.startsWith("proxy-connection:");
        });
        lines.add("Connection: close");
        return (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void discard(Socket socket) {
        if (socket == null) {
            return;
        }
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + address() + " -> " + upstreamHost + ":" + upstreamPort + "]";
    }

}
