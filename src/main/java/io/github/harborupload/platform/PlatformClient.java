package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.harbor.BoundedExchange;
import io.github.harborupload.harbor.HarborAddress;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.registry.ConnectionFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The GPU platform's API at one address, before signing in: which sign-in it takes, and signing
 * in. The calls that need a session are on the {@link PlatformSession} this returns.
 *
 * <p>The API lives under {@code /api} of the platform's own address, as the web frontend calls it
 * (frontend/src/services/client.ts: {@code baseURL = `${apiBase ?? ''}/api`}).
 */
public final class PlatformClient {

    public static final URI DEFAULT_ADDRESS = URI.create("https://gpu.act.buaa.edu.cn");
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Enough for any answer but the image list. */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    /** The image list holds every public image on the platform as well as the user's own. */
    static final int MAX_LIST_BYTES = 16 << 20;

    private final URI address;
    private final HttpClient http;
    private final Duration requestTimeout;
    /** The server's build once {@link #serverBuild} learnt it, named in every later failure's message. */
    private volatile String serverBuild;

    public PlatformClient(URI address) {
        this(address, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** @param requestTimeout the limit for one whole call, answer included */
    public PlatformClient(URI address, Duration connectTimeout, Duration requestTimeout) {
        String text = Objects.requireNonNull(address, "address").toString();
        this.address = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Never: a redirect would carry the token or the password to wherever it points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The platform's address from what a person typed: {@code https://} when no scheme is given,
     * and only scheme, host and port kept ({@code https://gpu.act.buaa.edu.cn/portal} →
     * {@code https://gpu.act.buaa.edu.cn}). Plain {@code http://} only to this computer.
     *
     * @throws PlainHttpRefusedException http to a host that is not loopback
     * @throws IllegalArgumentException  when it is not a web address
     */
    public static URI parseAddress(String typed) {
        return parseAddress(typed, false);
    }

    /**
     * As {@link #parseAddress(String)}, and with {@code allowHttp} plain http to any host, which
     * the caller asked for deliberately and warns about (see {@link #isPlainHttpToAnotherHost}).
     */
    public static URI parseAddress(String typed, boolean allowHttp) {
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI address;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("not a platform address: " + typed);
            }
            address = new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a platform address: " + typed, e);
        }
        // The password and tokens go to this address: in clear only where nobody else can listen,
        // the rule HarborAddress applies to Harbor.
        if (isPlainHttpToAnotherHost(address) && !allowHttp) {
            throw new PlainHttpRefusedException(address);
        }
        return address;
    }

    /** Plain http to a host that is not this computer: what {@code --allow-http} lets through, with a warning. */
    public static boolean isPlainHttpToAnotherHost(URI address) {
        String host = address.getHost();
        // URI keeps the brackets of an IPv6 host.
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return "http".equals(address.getScheme()) && !HarborAddress.isLoopback(name);
    }

    public URI address() {
        return address;
    }

    /** {@code GET /api/auth/mode}: how this platform signs people in. */
    public AuthMode authMode() throws PlatformException {
        return AuthMode.from(call(Endpoint.AUTH_MODE, null, null, MAX_ANSWER_BYTES));
    }

    /** Asks the platform how it signs people in, then signs in its default way (its LDAP when it has one). */
    public PlatformSession signIn(String username, String password) throws PlatformException {
        AuthMode mode = authMode();
        return signIn(mode, mode.choose(null), username, password);
    }

    /**
     * {@code POST /api/auth/login} (backend/internal/handler/auth.go: LoginReq, LoginResp) with
     * {@code method}. The password is sent once and not kept. When the account is refused and the
     * server takes the other kind of account too, the failure says so: an ordinary account tried
     * as LDAP reads like a wrong password (crater-harbor-api.md §9).
     */
    public PlatformSession signIn(AuthMode mode, SignInMethod method, String username, String password) throws PlatformException {
        ObjectNode request = Envelope.JSON.createObjectNode()
                .put("auth", mode.loginValue(method))
                .put("username", username)
                .put("password", password);
        JsonNode answer;
        try {
            answer = call(Endpoint.LOGIN, null, request, MAX_ANSWER_BYTES);
        } catch (PlatformException refused) {
            throw mode.offersBoth() && accountRefused(refused) ? refused.withReason(otherMethodHint(mode, method)) : refused;
        }
        Fields data = Fields.of(Endpoint.LOGIN, answer, "data");
        String accessToken = data.text("accessToken");
        String refreshToken = data.optionalText("refreshToken");
        Fields user = data.optionalObject("user");
        // The platform's own spelling of the name is the one its image list uses.
        String name = user == null ? null : user.optionalText("name");
        String platformName = name == null || name.isBlank() ? username : name;
        return new PlatformSession(this, new SessionTokens(address, platformName, accessToken, refreshToken, method));
    }

    /** 401 with InvalidCredentials or LdapUserNotFound: the account may be of the other kind. */
    private static boolean accountRefused(PlatformException refused) {
        int code = refused.code().orElse(0);
        return refused.status() == 401 && (code == PlatformCodes.INVALID_CREDENTIALS || code == PlatformCodes.LDAP_USER_NOT_FOUND);
    }

    private static Text otherMethodHint(AuthMode mode, SignInMethod tried) {
        String alias = mode.ldapAlias().isEmpty() ? "LDAP" : mode.ldapAlias();
        return tried == SignInMethod.LDAP
                ? PlatformTexts.text("signIn.try_normal", alias)
                : PlatformTexts.text("signIn.try_ldap", alias);
    }

    /**
     * The platform's build from the answer of {@code GET /api/auth/check}
     * (backend/internal/handler/auth.go: {@code data.version {appVersion, commitSHA, buildType,
     * buildTime}}), e.g. {@code v1.4.2 (b2f19348, release)}; empty when the server does not say
     * (older builds have no version). Remembered for this client, so that later failures name it.
     */
    Optional<String> rememberServerBuild(JsonNode checkAnswer) {
        JsonNode version = checkAnswer.path("version");
        String app = version.path("appVersion").asText("").strip();
        if (app.isEmpty()) {
            return Optional.empty();
        }
        List<String> more = new ArrayList<>();
        for (String field : List.of("commitSHA", "buildType")) {
            String value = version.path(field).asText("").strip();
            if (!value.isEmpty()) {
                more.add(value);
            }
        }
        serverBuild = more.isEmpty() ? app : app + " (" + String.join(", ", more) + ")";
        return Optional.of(serverBuild);
    }

    /**
     * A session from tokens kept earlier ("stay signed in"). Nothing is sent now; the first call
     * renews the access token when it has expired, or fails with {@link PlatformException.Kind#SESSION_EXPIRED}.
     *
     * @throws IllegalArgumentException when the tokens belong to another platform address
     */
    public PlatformSession resume(SessionTokens tokens) {
        if (!tokens.address().equals(address)) {
            throw new IllegalArgumentException("tokens for " + tokens.address() + ", not " + address);
        }
        return new PlatformSession(this, tokens);
    }

    /**
     * One call: the request, the answer read up to {@code maxBytes}, the envelope unpacked.
     *
     * @param accessToken the session's token, or null for the public endpoints
     * @param body        the JSON body, or null for none
     * @return the answer's {@code data}
     */
    JsonNode call(Endpoint endpoint, String accessToken, JsonNode body, int maxBytes) throws PlatformException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + endpoint.path()))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        BoundedExchange.Answer answer;
        try {
            answer = BoundedExchange.send(http, request.build(), maxBytes, requestTimeout);
        } catch (IOException e) {
            throw PlatformException.of(PlatformException.Kind.CONNECTION, endpoint)
                    .connectionFailure(ConnectionFailure.of(e))
                    .detail(address + ": " + ConnectionFailure.describe(e))
                    .build(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.of(PlatformException.Kind.CANCELLED, endpoint).detail("interrupted").build();
        }
        try {
            return Envelope.data(endpoint, answer);
        } catch (PlatformException failed) {
            throw serverBuild == null ? failed : failed.withServerBuild(serverBuild);
        }
    }
}
