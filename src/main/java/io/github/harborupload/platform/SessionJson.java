package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/** A kept session as JSON: {@code {"username", "accessToken", "refreshToken", "auth"}}; sessions kept by older versions have no "auth". */
final class SessionJson {

    private SessionJson() {
    }

    static ObjectNode toJson(SessionTokens tokens) {
        return Envelope.JSON.createObjectNode()
                .put("username", tokens.username())
                .put("accessToken", tokens.accessToken())
                .put("refreshToken", tokens.refreshToken())
                .put("auth", tokens.method() == null ? null : tokens.method().value());
    }

    /** The session, or empty when the JSON is not one (damaged, or from another program). */
    static Optional<SessionTokens> fromJson(URI address, JsonNode json) {
        JsonNode username = json.path("username");
        JsonNode access = json.path("accessToken");
        if (!username.isTextual() || !access.isTextual() || access.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionTokens(address, username.asText(), access.asText(),
                json.path("refreshToken").asText(""), SignInMethod.fromValue(json.path("auth").asText("")).orElse(null)));
    }
}
