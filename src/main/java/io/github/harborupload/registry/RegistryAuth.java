package io.github.harborupload.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Authorization header for each request, as docker finds it: the challenge of {@code GET /v2/}
 * decides Basic (the credential on every request) or Bearer (a token from the challenge's realm,
 * asked with the credential in Basic, for the request's scope). Tokens are kept per scope and
 * renewed ahead of {@code expires_in} (60 s when absent, distribution's token spec) and once after
 * a 401, which the registry answers at a request's start (registry-push.md, "Auth like Harbor").
 * Thread-safe: parallel uploads share it.
 */
final class RegistryAuth {

    /** distribution's docs/spec/auth/token.md: a token without expires_in lasts 60 s. */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /** Renew when this part of the lifetime is left, at most a minute: a chunk must start with time to spare. */
    private static final int MARGIN_DIVISOR = 5;
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_ANSWER = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant renewAt) {
    }

    /** Sends a request for the auth's own calls (the probe, the token); the client's transport. */
    interface Transport {
        Answer get(URI uri, Optional<String> authorization, int maxBody) throws IOException, InterruptedException;
    }

    /** Where {@code GET /v2/} goes: known once the client has chosen between https and http. */
    interface Probe {
        URI uri() throws InterruptedException;
    }

    private final Credential credential;
    private final Probe probe;
    private final Transport transport;
    private final Clock clock;
    private final Map<String, Token> tokens = new HashMap<>();
    private AuthChallenge challenge;
    private int tokensFetched;

    RegistryAuth(Credential credential, Probe probe, Transport transport, Clock clock) {
        this.credential = credential;
        this.probe = probe;
        this.transport = transport;
        this.clock = clock;
    }

    /** The header for a request in {@code scope} ({@code repository:<name>:pull,push …}), if one is needed. */
    synchronized Optional<String> header(String scope) throws IOException, InterruptedException, RegistryException {
        if (challenge == null) {
            Answer answer = transport.get(probe.uri(), Optional.empty(), MAX_TOKEN_ANSWER);
            challenge = answer.status() == 401 ? challengeOf(answer) : AuthChallenge.NONE;
        }
        return switch (challenge.scheme()) {
            case NONE -> Optional.empty();
            case BASIC -> basic();
            case BEARER -> Optional.of("Bearer " + token(scope));
        };
    }

    /**
     * After a 401: whether the same request is worth sending again. Bearer: the token is dropped, so
     * the next {@link #header} fetches a new one. A registry that asked for nothing at the probe
     * but challenges now: the challenge is taken. Basic: the credential is simply wrong.
     */
    synchronized boolean renewAfter401(String scope, Answer answer) throws RegistryException {
        if (challenge != null && challenge.scheme() == AuthChallenge.Scheme.BEARER) {
            tokens.remove(scope);
            return true;
        }
        if (challenge == null || challenge.scheme() == AuthChallenge.Scheme.NONE) {
            challenge = challengeOf(answer);
            return challenge.scheme() != AuthChallenge.Scheme.NONE;
        }
        return false;
    }

    /** How many tokens were fetched so far: once per scope, then once per renewal. */
    synchronized int tokensFetched() {
        return tokensFetched;
    }

    /** The password and the tokens held now, to mask in any text that leaves the client. */
    synchronized List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (credential != null) {
            secrets.add(credential.password());
            secrets.add(basicValue());
        }
        tokens.values().forEach(token -> secrets.add(token.value()));
        return secrets;
    }

    private AuthChallenge challengeOf(Answer answer) throws RegistryException {
        String header = answer.header("WWW-Authenticate").orElse("");
        return AuthChallenge.parse(header).orElseThrow(() -> new RegistryException(RegistryException.Kind.PROTOCOL,
                answer.status(), answer.method() + " " + answer.uri() + ": 401 without a challenge this client knows: "
                        + SecretMask.mask(header, secrets())));
    }

    private Optional<String> basic() {
        return credential == null ? Optional.empty() : Optional.of("Basic " + basicValue());
    }

    private String basicValue() {
        String pair = credential.username() + ":" + credential.password();
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private String token(String scope) throws IOException, InterruptedException, RegistryException {
        Token held = tokens.get(scope);
        if (held != null && clock.instant().isBefore(held.renewAt())) {
            return held.value();
        }
        StringBuilder query = new StringBuilder();
        challenge.service().ifPresent(service -> query.append("service=").append(encode(service)));
        for (String part : scope.split(" ")) {
            query.append(query.length() > 0 ? "&" : "").append("scope=").append(encode(part));
        }
        String realm = challenge.realm();
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        Instant asked = clock.instant();
        Answer answer = transport.get(uri, basic(), MAX_TOKEN_ANSWER);
        if (!answer.isSuccess()) {
            RegistryException.Kind kind = answer.status() == 401 || answer.status() == 403
                    ? RegistryException.Kind.AUTH_REFUSED : RegistryFailures.kindOf(answer);
            throw new RegistryException(kind, answer.status(), "the token service " + realm + " refused "
                    + (credential == null ? "an anonymous login" : "the login of " + credential.username())
                    + ": HTTP " + answer.status() + ": " + SecretMask.mask(answer.words(), secrets()));
        }
        Token token = parseToken(answer, asked);
        tokens.put(scope, token);
        tokensFetched++;
        return token.value();
    }

    private Token parseToken(Answer answer, Instant asked) throws RegistryException {
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            json = null;
        }
        String value = json == null ? "" : json.path("token").asText(json.path("access_token").asText(""));
        if (value.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, answer.status(),
                    "the token service " + challenge.realm() + " answered no token");
        }
        Duration lifetime = json.path("expires_in").canConvertToLong() && json.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(json.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Duration margin = lifetime.dividedBy(MARGIN_DIVISOR);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return new Token(value, asked.plus(lifetime).minus(margin));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
