package io.github.harborupload.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An nginx of the test's own in front of the stack's registry that requires a client certificate,
 * as a registry behind a campus gateway with mutual TLS is set up ({@code ssl_verify_client on}):
 * the place to show that the client certificates docker reads from certs.d are sent. Beside the
 * stack's TLS registry (one-way TLS, scripts/stack.sh), which cannot ask for a client certificate.
 * One process, no master (so no user switch and nothing left behind), stopped on {@link #close()}.
 */
public final class MutualTlsGateway implements AutoCloseable {

    private final Process nginx;
    private final int port;
    private final Path folder;

    private MutualTlsGateway(Process nginx, int port, Path folder) {
        this.nginx = nginx;
        this.port = port;
        this.folder = folder;
    }

    /**
     * @param registry    the stack's plain registry, {@code host:port}
     * @param folder      an empty folder for nginx's files
     * @param serverCert  the gateway's certificate and {@code serverKey} its key (PEM)
     * @param clientCas   the certificates a client's certificate must be signed by (PEM)
     */
    public static MutualTlsGateway start(String registry, Path folder, Path serverCert, Path serverKey, Path clientCas)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path conf = folder.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %3$s;
                        ssl_certificate_key %4$s;
                        ssl_client_certificate %5$s;
                        ssl_verify_client on;
                        client_max_body_size 0;
                        proxy_request_buffering off;
                        proxy_buffering off;
                        location / {
                            proxy_pass http://%6$s;
                            proxy_http_version 1.1;
                            proxy_set_header Host $http_host;
                            # The registry's upload URLs must lead back here over https.
                            proxy_set_header X-Forwarded-Proto https;
                        }
                    }
                }
                """.formatted(folder, port, serverCert, serverKey, clientCas, registry));
        Process nginx = new ProcessBuilder("nginx", "-p", folder.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        MutualTlsGateway gateway = new MutualTlsGateway(nginx, port, folder);
        gateway.awaitListening(Duration.ofSeconds(30));
        return gateway;
    }

    /** {@code 127.0.0.1:port}, as in an image name. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    private void awaitListening(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new IOException("nginx ended: " + Files.readString(folder.resolve("stdout.log"))
                        + readIfThere(folder.resolve("error.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nginx did not listen on " + port + " within " + limit.toSeconds() + " s");
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Override
    public void close() throws InterruptedException {
        nginx.destroy();
        nginx.waitFor();
    }
}
