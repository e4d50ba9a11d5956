package io.github.harborupload.platformserver;

import java.util.Map;

/**
 * One request as the fake servers received it, for tests that assert what the client sent.
 *
 * @param method  the HTTP method
 * @param rawPath the path exactly as sent, percent-encoding and all
 * @param headers the first value of each header, names in lower case
 * @param body    the body as text
 */
public record RecordedRequest(String method, String rawPath, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
