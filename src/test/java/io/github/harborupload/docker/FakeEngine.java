package io.github.harborupload.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for dockerd on a unix socket, for the cases the real one cannot be made to show on
 * demand: a stream that breaks, a stream that ends without a digest, an engine that stays silent.
 * It speaks just enough HTTP/1.1 for docker-java: one request per connection, then it closes.
 */
final class FakeEngine implements AutoCloseable {

    /** What the fake does with one request. */
    interface Script {
        void answer(Request request, Reply reply) throws IOException, InterruptedException;
    }

    record Request(String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Counted down when a client closes a connection before the fake finished answering. */
    final CountDownLatch clientHungUp = new CountDownLatch(1);

    FakeEngine(Script script) throws IOException {
        this.script = script;
        this.dir = Files.createTempDirectory("fake-engine");
        this.socket = dir.resolve("docker.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::acceptLoop, "fake-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    EngineLocation location() {
        return EngineLocation.of("unix://" + socket, "test");
    }

    List<Request> requests() {
        return requests;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread handler = new Thread(() -> serve(connection), "fake-engine-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            InputStream in = Channels.newInputStream(connection);
            OutputStream out = Channels.newOutputStream(connection);
            Request request = read(in);
            requests.add(request);
            script.answer(request, new Reply(out));
        } catch (IOException hungUp) {
            clientHungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        String body = "";
        if (headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toString(StandardCharsets.UTF_8);
        }
        String[] parts = requestLine.split(" ");
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** The fake's side of one connection. */
    static final class Reply {
        private final OutputStream out;

        Reply(OutputStream out) {
            this.out = out;
        }

        /** A complete JSON answer. */
        void json(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n");
            out.write(bytes);
            out.flush();
        }

        /** The head of a streamed answer, as dockerd sends for a push. */
        void startStream() throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n");
        }

        /** One item of the stream; each is a JSON object ending in CRLF, as dockerd writes them. */
        void item(String json) throws IOException {
            byte[] bytes = (json + "\r\n").getBytes(StandardCharsets.UTF_8);
            write(Integer.toHexString(bytes.length) + "\r\n");
            out.write(bytes);
            write("\r\n");
        }

        /** The proper end of a stream. */
        void endStream() throws IOException {
            write("0\r\n\r\n");
        }

        /** Waits for the client to close the connection, or fails the test's expectation by timing out. */
        void awaitHangUp(long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                // Writing to a closed connection is how a server notices the client left.
                item("{\"status\":\"Waiting\",\"progressDetail\":{},\"id\":\"0000000000aa\"}");
                Thread.sleep(50);
            }
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }
}
