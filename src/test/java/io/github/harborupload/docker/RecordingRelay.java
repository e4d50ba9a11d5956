package io.github.harborupload.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A plain TCP listener that passes each connection on to another port and keeps every byte the
 * client sent, exactly as it crossed the network: what an eavesdropper on the way would see.
 */
final class RecordingRelay implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();
    private final int target;

    RecordingRelay(int target) throws IOException {
        this.target = target;
        daemon(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Everything clients sent so far, all connections in a row. */
    byte[] received() {
        synchronized (fromClients) {
            return fromClients.toByteArray();
        }
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> pump(client, upstream, this::record));
                daemon(() -> pump(upstream, client, bytes -> { }));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void record(byte[] bytes) {
        synchronized (fromClients) {
            fromClients.writeBytes(bytes);
        }
    }

    private static void pump(Socket from, Socket to, Consumer<byte[]> seen) {
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                seen.accept(Arrays.copyOf(buffer, read));
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // One side hung up; closing both ends the other pump too.
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "recording-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
