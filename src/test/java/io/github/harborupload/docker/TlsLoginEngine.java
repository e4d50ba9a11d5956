package io.github.harborupload.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A stand-in for a Docker engine on tcp with TLS (dockerd --tlsverify): it asks every client for a
 * certificate, keeps what each sent in the clear inside TLS, and accepts any {@code POST /auth} as
 * dockerd does for a good login ({@code {"Status":"Login Succeeded"}}).
 */
final class TlsLoginEngine implements AutoCloseable {

    private static final byte[] LOGIN_SUCCEEDED = "{\"Status\":\"Login Succeeded\"}".getBytes(StandardCharsets.US_ASCII);

    private final SSLServerSocket listener;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> clientCertificates = new CopyOnWriteArrayList<>();

    TlsLoginEngine(SelfSignedCertificate identity) throws GeneralSecurityException, IOException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity.keyStore(), new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new TrustManager[] {new AnyClient()}, null);
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // Asked for, not required: a client without a certificate is recorded as such.
        listener.setWantClientAuth(true);
        Thread thread = new Thread(this::serve, "tls-login-engine");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Each request as the engine read it after decryption: head and body. */
    List<String> requests() {
        return requests;
    }

    /** The subject of each client certificate presented, or "none". */
    List<String> clientCertificates() {
        return clientCertificates;
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (SSLSocket client = (SSLSocket) listener.accept()) {
                client.startHandshake();
                clientCertificates.add(subjectOf(client));
                requests.add(readRequest(client.getInputStream()));
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + LOGIN_SUCCEEDED.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(LOGIN_SUCCEEDED);
                out.flush();
            } catch (IOException failedOrClosed) {
                // A client that refused our certificate, or the listener closed: next one.
            }
        }
    }

    private static String subjectOf(SSLSocket client) {
        try {
            return ((X509Certificate) client.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException none) {
            return "none";
        }
    }

    /** The head up to the blank line, then Content-Length bytes of body. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** Records any client certificate; what matters here is whether one was presented. */
    private static final class AnyClient implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a server never checks servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
