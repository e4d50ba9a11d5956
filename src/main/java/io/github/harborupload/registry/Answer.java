package io.github.harborupload.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry's answer to one request: status, headers, the body up to the caller's limit, and the
 * request it answers (to resolve a relative {@code Location}).
 */
record Answer(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Location} header resolved against the request (registries send both forms). */
    Optional<URI> location() {
        return header("Location").map(uri::resolve);
    }

    /**
     * The end of the registry's {@code Range: 0-<end>} plus one: how many bytes it holds. A
     * distribution registry says "0-0" both for nothing and for one byte
     * (registry/handlers/blobupload.go); {@code expected} decides between them.
     */
    OptionalLong rangeHeld(long expected) {
        Optional<String> range = header("Range");
        if (range.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = range.get().strip().replaceFirst("^bytes=", "");
        int dash = value.indexOf('-');
        try {
            long end = Long.parseLong(value.substring(dash + 1).strip());
            return OptionalLong.of(end == 0 && expected != 1 ? 0 : end + 1);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return OptionalLong.empty();
        }
    }

    /** The registry's error codes ({@code {"errors":[{"code":…}]}}), upper case, possibly none. */
    List<String> errorCodes() {
        List<String> codes = new ArrayList<>();
        errors().forEach(error -> codes.add(error.path("code").asText("")));
        return codes;
    }

    /**
     * What the server said, before masking: the registry's errors as {@code CODE: message}, or the
     * body's text (a gateway's page), or nothing.
     */
    String words() {
        List<String> parts = new ArrayList<>();
        errors().forEach(error -> parts.add(error.path("code").asText("") + ": " + error.path("message").asText("")
                + (error.path("detail").isMissingNode() || error.path("detail").isNull() ? "" : " " + error.path("detail"))));
        if (!parts.isEmpty()) {
            return String.join("; ", parts);
        }
        return new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    private Iterable<JsonNode> errors() {
        if (body.length == 0 || body[0] != '{') {
            return List.of();
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            return errors.isArray() ? errors : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
