package io.github.harborupload.platformserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reading requests and writing answers the way the Go servers do. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /**
     * The platform's envelope (backend/internal/resputil/response.go: Response{code, data, msg});
     * gin writes {@code application/json; charset=utf-8}.
     */
    static void envelope(HttpExchange exchange, int status, int code, Object data, String msg) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.set("data", JSON.valueToTree(data));
        body.put("msg", msg);
        send(exchange, status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** resputil.Success: HTTP 200, code 0, empty msg. */
    static void success(HttpExchange exchange, Object data) throws IOException {
        envelope(exchange, 200, 0, data, "");
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** gin's and Go's answer for a route that does not exist. */
    static void notFoundPage(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8", "404 page not found".getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** The body as JSON, or empty when it is not JSON. */
    static Optional<JsonNode> jsonBody(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The Basic login, as {@code {user, password}}, or empty. */
    static Optional<String[]> basicAuth(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
