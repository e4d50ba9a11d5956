package io.github.harborupload.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
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
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach one registry the way docker does. https, checked against the {@link TrustRoots}
 * plus the CA files docker reads from {@code /etc/docker/certs.d/<host>/*.crt} and
 * {@code ~/.docker/certs.d/<host>/*.crt}; the client certificates there ({@code X.cert} with its
 * {@code X.key}) for registries that ask for one. A registry the engine treats as insecure (its
 * insecure list, loopback) is tried over https without any check first, and over plain http only
 * when https gets no answer at all ({@link #chooseBase}). The proxy from
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, which java.net.http ignores unless
 * given a {@link ProxySelector}. Built from plain values, so it is testable without the machine's
 * environment.
 *
 * <p>Not handled (docker does it): a user and password inside the proxy URL.
 */
public final class RegistryEndpoint {

    static final Path ETC_DOCKER = Path.of("/etc/docker");

    /** A client certificate and its key, as docker pairs them: the same name, {@code .cert} and {@code .key}. */
    record ClientCertificate(Path certificate, Path key) {
    }

    private final String host;
    private final boolean insecure;
    private final boolean httpOnly;
    private final List<Path> caFiles;
    private final List<ClientCertificate> clientCertificates;
    private final List<String> unpaired;
    private final ProxyRules proxies;
    private final TrustRoots roots;

    private RegistryEndpoint(String host, boolean insecure, boolean httpOnly, CertsD certsD, ProxyRules proxies,
            TrustRoots roots) {
        this.host = host;
        this.insecure = insecure;
        this.httpOnly = httpOnly;
        this.caFiles = List.copyOf(certsD.cas);
        this.clientCertificates = List.copyOf(certsD.clients);
        this.unpaired = List.copyOf(certsD.unpaired);
        this.proxies = proxies;
        this.roots = roots;
    }

    /**
     * @param registry the registry as it appears in image names: {@code host[:port]}
     * @param insecure the engine treats the registry as insecure (its insecure list, loopback):
     *                 https without checks, or plain http when https gets no answer
     * @param env      the environment variables (the proxy settings are read from it)
     * @param home     the user's home folder ({@code ~/.docker/certs.d})
     */
    public static RegistryEndpoint of(String registry, boolean insecure, Map<String, String> env, Path home) {
        return of(registry, insecure, env, home, TrustRoots.JAVA);
    }

    /** As above, trusting {@code roots} (Java's and the system's, say) besides certs.d. */
    public static RegistryEndpoint of(String registry, boolean insecure, Map<String, String> env, Path home,
            TrustRoots roots) {
        return of(registry, insecure, env, home, ETC_DOCKER, roots);
    }

    static RegistryEndpoint of(String registry, boolean insecure, Map<String, String> env, Path home, Path etcDocker,
            TrustRoots roots) {
        String host = hostOf(registry);
        CertsD certsD = new CertsD();
        certsD.read(etcDocker.resolve("certs.d").resolve(host));
        certsD.read(home.resolve(".docker").resolve("certs.d").resolve(host));
        return new RegistryEndpoint(host, insecure, false, certsD, ProxyRules.fromEnvironment(env), Objects.requireNonNull(roots));
    }

    /**
     * A registry known to speak plain http only, never asked over https: the tests' in-process
     * stand-ins (the JDK's HttpServer holds a TLS hello unanswered until the connect timeout,
     * where distribution and nginx refuse it at once).
     */
    static RegistryEndpoint plainHttp(String registry) {
        return new RegistryEndpoint(hostOf(registry), true, true, new CertsD(), ProxyRules.fromEnvironment(Map.of()),
                TrustRoots.JAVA);
    }

    private static String hostOf(String registry) {
        String host = Objects.requireNonNull(registry, "registry").strip().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.contains("/")) {
            throw new IllegalArgumentException("not a registry host[:port]: " + registry);
        }
        return host;
    }

    /** {@code host[:port]}, lower case. */
    public String host() {
        return host;
    }

    /** Whether the engine treats the registry as insecure: no certificate checks, http when https is not there. */
    public boolean insecure() {
        return insecure;
    }

    /** {@code scheme://host[:port]}, without a trailing slash. */
    URI base(String scheme) {
        return URI.create(scheme + "://" + host);
    }

    /**
     * The base every request of a push goes to, chosen once as docker does (moby
     * distribution/push.go with registry/service.go's endpoints): https; for an insecure registry,
     * a {@code GET /v2/} over https that gets no HTTP answer at all (refused, not TLS, timed out)
     * falls back to http. Any answer, even an error, shows https is there. Harbor's API client
     * chooses its base the same way, over a client from {@link #newHttpClient}.
     */
    public URI chooseBase(HttpClient http, Duration timeout) throws InterruptedException {
        URI https = base("https");
        if (!insecure) {
            return https;
        }
        if (httpOnly) {
            return base("http");
        }
        try {
            http.send(HttpRequest.newBuilder(URI.create(https + "/v2/")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return https;
        } catch (IOException noHttps) {
            return base("http");
        }
    }

    /** The CA files trusted for this registry besides the roots, in docker's order. */
    public List<Path> caFiles() {
        return caFiles;
    }

    /** The client certificates offered when the registry asks for one. */
    List<ClientCertificate> clientCertificates() {
        return clientCertificates;
    }

    /** The proxy requests over {@code scheme} go through, when the environment names one and NO_PROXY does not exempt the host. */
    public Optional<URI> proxy(String scheme) {
        return proxies.proxyFor(scheme, host);
    }

    /**
     * A client for this registry: its trust, client certificate and proxy, no redirects followed on
     * its own (the {@link RegistryClient} follows them without credentials), HTTP/1.1 (what gateways
     * expect of uploads).
     *
     * @throws RegistryException ({@link RegistryException.Kind#TLS}) when a CA or client certificate
     *                           file cannot be read, or a client certificate lacks its key
     */
    public HttpClient newHttpClient(Duration connectTimeout) throws RegistryException {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(new EnvironmentProxy())
                .sslContext(sslContext())
                .build();
    }

    private SSLContext sslContext() throws RegistryException {
        if (!unpaired.isEmpty()) {
            // docker refuses the same (registry.ReadCertsDirectory): a lone .cert or .key is a mistake to show.
            throw new RegistryException(RegistryException.Kind.TLS, 0, "certs.d for " + host + ": " + unpaired);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), new TrustManager[] {insecure ? UnverifiedTrust.INSTANCE : trust()}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the files and the reason; PemPrivateKey's reasons never quote the key.
            throw new RegistryException(RegistryException.Kind.TLS, 0, -1, "cannot read the certificates for " + host
                    + " " + caFiles + " " + clientCertificates + ": " + e.getMessage(), e);
        }
    }

    private TrustManager trust() throws IOException, GeneralSecurityException {
        KeyStore trusted = emptyStore();
        int n = 0;
        for (X509Certificate root : roots.certificates()) {
            trusted.setCertificateEntry("root-" + n++, root);
        }
        for (Path file : caFiles) {
            for (Certificate ca : certificates(file)) {
                trusted.setCertificateEntry("certs.d-" + n++, ca);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return TrustRoots.x509(factory);
    }

    /** None without client certificates: the handshake then sends none, as docker's does. */
    private KeyManager[] keyManagers() throws IOException, GeneralSecurityException {
        if (clientCertificates.isEmpty()) {
            return null;
        }
        KeyStore keys = emptyStore();
        char[] noPassword = new char[0];
        int n = 0;
        for (ClientCertificate client : clientCertificates) {
            PrivateKey key;
            try {
                key = PemPrivateKey.parse(Files.readString(client.key(), StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new GeneralSecurityException(client.key() + ": " + e.getMessage());
            }
            keys.setKeyEntry("client-" + n++, key, noPassword, certificates(client.certificate()).toArray(Certificate[]::new));
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, noPassword);
        return factory.getKeyManagers();
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        return store;
    }

    private static List<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    /** {@code HTTPS_PROXY} for https, {@code HTTP_PROXY} for http: the insecure fallback changes the scheme. */
    private final class EnvironmentProxy extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            return proxies.proxyFor(uri.getScheme(), host)
                    .map(proxy -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(),
                            proxy.getPort() > 0 ? proxy.getPort() : 80))))
                    .orElse(List.of(Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Nothing to learn: the request fails with the same exception.
        }
    }

    /**
     * One registry's certs.d folders read as docker's {@code ReadCertsDirectory} reads one: {@code *.crt}
     * CAs, {@code X.cert} with {@code X.key}; files sorted by name, unreadable folders as absent.
     */
    private static final class CertsD {
        final List<Path> cas = new ArrayList<>();
        final List<ClientCertificate> clients = new ArrayList<>();
        final List<String> unpaired = new ArrayList<>();

        void read(Path folder) {
            List<Path> files = new ArrayList<>();
            if (!Files.isDirectory(folder)) {
                return;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                entries.forEach(files::add);
            } catch (IOException e) {
                // docker fails the same way, at the handshake.
                return;
            }
            files.sort(null);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".crt")) {
                    cas.add(file);
                } else if (name.endsWith(".cert")) {
                    Path key = file.resolveSibling(name.substring(0, name.length() - ".cert".length()) + ".key");
                    if (Files.exists(key)) {
                        clients.add(new ClientCertificate(file, key));
                    } else {
                        unpaired.add("missing key " + key.getFileName() + " for client certificate " + file
                                + " (CA certificates must use the extension .crt)");
                    }
                } else if (name.endsWith(".key")
                        && !Files.exists(file.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".cert"))) {
                    unpaired.add("missing client certificate for key " + file);
                }
            }
        }
    }

    @Override
    public String toString() {
        return (insecure ? "https (unchecked) or http://" : "https://") + host + (caFiles.isEmpty() ? "" : " trusting " + caFiles)
                + (clientCertificates.isEmpty() ? "" : " with " + clientCertificates);
    }
}
