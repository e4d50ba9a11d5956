package io.github.harborupload.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How to reach one registry the way docker does: https unless the caller says the engine treats the
 * registry as insecure (its insecure list, loopback); the system's trust store plus the CA files
 * docker reads from {@code /etc/docker/certs.d/<host>/*.crt} and {@code ~/.docker/certs.d/<host>/*.crt};
 * and the proxy from {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, which java.net.http
 * ignores unless given a {@link ProxySelector}. Built from plain values, so it is testable without
 * the machine's environment.
 *
 * <p>Not handled (docker does them): client certificates ({@code *.cert}/{@code *.key} in certs.d)
 * and a user and password inside the proxy URL.
 */
public final class RegistryEndpoint {

    static final Path ETC_DOCKER = Path.of("/etc/docker");

    private final String host;
    private final boolean plainHttp;
    private final List<Path> caFiles;
    private final URI proxy;

    private RegistryEndpoint(String host, boolean plainHttp, List<Path> caFiles, URI proxy) {
        this.host = host;
        this.plainHttp = plainHttp;
        this.caFiles = List.copyOf(caFiles);
        this.proxy = proxy;
    }

    /**
     * @param registry  the registry as it appears in image names: {@code host[:port]}
     * @param plainHttp speak http, not https: only for registries the engine treats as insecure
     * @param env       the environment variables (the proxy settings are read from it)
     * @param home      the user's home folder ({@code ~/.docker/certs.d})
     */
    public static RegistryEndpoint of(String registry, boolean plainHttp, Map<String, String> env, Path home) {
        return of(registry, plainHttp, env, home, ETC_DOCKER);
    }

    static RegistryEndpoint of(String registry, boolean plainHttp, Map<String, String> env, Path home, Path etcDocker) {
        String host = Objects.requireNonNull(registry, "registry").strip().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("not a registry host[:port]: " + registry);
        }
        List<Path> cas = new ArrayList<>();
        cas.addAll(crtFiles(etcDocker.resolve("certs.d").resolve(host)));
        cas.addAll(crtFiles(home.resolve(".docker").resolve("certs.d").resolve(host)));
        URI proxy = ProxyRules.fromEnvironment(env).proxyFor(plainHttp ? "http" : "https", host).orElse(null);
        return new RegistryEndpoint(host, plainHttp, cas, proxy);
    }

    /** {@code host[:port]}, lower case. */
    public String host() {
        return host;
    }

    public boolean plainHttp() {
        return plainHttp;
    }

    /** {@code https://host[:port]} (or http), without a trailing slash. */
    public URI base() {
        return URI.create((plainHttp ? "http" : "https") + "://" + host);
    }

    /** The CA files trusted for this registry besides the system's, in docker's order. */
    public List<Path> caFiles() {
        return caFiles;
    }

    /** The proxy requests go through, when the environment names one and NO_PROXY does not exempt the host. */
    public Optional<URI> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * A client for this registry: its trust and proxy, no redirects followed on its own (the
     * {@link RegistryClient} follows them without credentials), HTTP/1.1 (what gateways expect of
     * uploads).
     *
     * @throws RegistryException ({@link RegistryException.Kind#TLS}) when a CA file cannot be read
     */
    public HttpClient newHttpClient(Duration connectTimeout) throws RegistryException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(),
                    proxy.getPort() > 0 ? proxy.getPort() : 80)));
        }
        if (!plainHttp && !caFiles.isEmpty()) {
            builder.sslContext(sslContext());
        }
        return builder.build();
    }

    private SSLContext sslContext() throws RegistryException {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate system : systemTrust().getAcceptedIssuers()) {
                trusted.setCertificateEntry("system-" + n++, system);
            }
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Path file : caFiles) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate ca : x509.generateCertificates(in)) {
                        trusted.setCertificateEntry("certs.d-" + n++, ca);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new RegistryException(RegistryException.Kind.TLS, 0, -1,
                    "cannot read the CA files for " + host + " " + caFiles + ": " + e, e);
        }
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no system X.509 trust manager");
    }

    /** {@code *.crt} in the folder, sorted by name as docker reads them; none when it does not exist. */
    private static List<Path> crtFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.crt")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            // An unreadable certs.d folder is as if it were absent: docker fails the same way, at the handshake.
            return List.of();
        }
        files.sort(null);
        return files;
    }

    @Override
    public String toString() {
        return base() + (proxy == null ? "" : " via " + proxy) + (caFiles.isEmpty() ? "" : " trusting " + caFiles);
    }
}
