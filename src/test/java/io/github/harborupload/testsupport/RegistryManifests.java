package io.github.harborupload.testsupport;

import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Asks the registry itself (not the engine) which manifest digest it serves for a tag. */
public final class RegistryManifests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RegistryManifests() {
    }

    /** The digest for {@code registry/path:tag}, or empty when the registry has no such manifest. */
    public static Optional<String> digest(String registry, String path, String tag, Credential credential) {
        String basic = Base64.getEncoder().encodeToString(
                (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + path + "/manifests/" + tag))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .GET()
                .build();
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("registry answered " + response.statusCode() + " for " + request.uri());
            }
            return response.headers().firstValue("Docker-Content-Digest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
