package io.github.harborupload.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Checks a pushed image as a pull would see it, with a client of the test's own (not the code under
 * test): the tag's manifest, its config whose digest must be the local image ID, and every layer,
 * decompressed, hashing to its diff_id. Speaks Basic and Harbor's Bearer token auth.
 */
public final class PulledImage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String base;
    private final String repository;
    private final Credential credential;
    private String authorization;

    private PulledImage(String registry, String repository, Credential credential) {
        this.base = "http://" + registry + "/v2/" + repository;
        this.repository = repository;
        this.credential = credential;
    }

    /**
     * Asserts that {@code registry/repository:tag} is the image {@code imageId} with these diff_ids.
     *
     * @return the layers' compressed digests, in order
     */
    public static List<String> verify(String registry, String repository, String tag, Credential credential,
            String imageId, List<String> diffIds) throws IOException, InterruptedException {
        return new PulledImage(registry, repository, credential).verify(tag, imageId, diffIds);
    }

    private List<String> verify(String tag, String imageId, List<String> diffIds) throws IOException, InterruptedException {
        JsonNode manifest;
        try (InputStream in = get("/manifests/" + tag, "application/vnd.docker.distribution.manifest.v2+json")) {
            manifest = JSON.readTree(in);
        }
        String configDigest = manifest.path("config").path("digest").asText();
        assertEquals(imageId, configDigest, "the config's digest is the local image ID");
        JsonNode config;
        try (InputStream in = get("/blobs/" + configDigest, "*/*")) {
            byte[] bytes = in.readAllBytes();
            assertEquals(configDigest, sha256(bytes), "the config blob hashes to its digest");
            config = JSON.readTree(bytes);
        }
        List<String> configDiffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(id -> configDiffIds.add(id.asText()));
        assertEquals(diffIds, configDiffIds);
        List<String> layerDigests = new ArrayList<>();
        JsonNode layers = manifest.path("layers");
        assertEquals(diffIds.size(), layers.size(), "one layer per diff_id");
        for (int i = 0; i < layers.size(); i++) {
            String digest = layers.get(i).path("digest").asText();
            MessageDigest compressed = sha();
            MessageDigest uncompressed = sha();
            try (InputStream blob = new DigestInputStream(get("/blobs/" + digest, "*/*"), compressed);
                 InputStream tar = new DigestInputStream(new GZIPInputStream(blob, 1 << 16), uncompressed)) {
                tar.transferTo(OutputStream.nullOutputStream());
                blob.transferTo(OutputStream.nullOutputStream()); // the gzip trailer's tail, if any
            }
            assertEquals(digest, "sha256:" + HexFormat.of().formatHex(compressed.digest()), "layer " + i + " hashes to its digest");
            assertEquals(diffIds.get(i), "sha256:" + HexFormat.of().formatHex(uncompressed.digest()),
                    "layer " + i + " decompresses to its diff_id");
            layerDigests.add(digest);
        }
        return layerDigests;
    }

    private InputStream get(String path, String accept) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                return response.body();
            }
            response.body().close();
            if (response.statusCode() != 401 || attempt == 1) {
                throw new IOException("GET " + path + ": HTTP " + response.statusCode());
            }
            authorization = authorize(response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        throw new IllegalStateException("unreachable");
    }

    private String authorize(String challenge) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (credential.username() + ":" + credential.password()).getBytes(StandardCharsets.UTF_8));
        if (!challenge.startsWith("Bearer")) {
            return basic;
        }
        String realm = null;
        String service = null;
        Matcher param = PARAM.matcher(challenge);
        while (param.find()) {
            if (param.group(1).equals("realm")) {
                realm = param.group(2);
            } else if (param.group(1).equals("service")) {
                service = param.group(2);
            }
        }
        URI token = URI.create(realm + "?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("repository:" + repository + ":pull", StandardCharsets.UTF_8));
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(token).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException("token service: HTTP " + answer.statusCode());
        }
        JsonNode body = JSON.readTree(answer.body());
        return "Bearer " + (body.hasNonNull("token") ? body.get("token").asText() : body.path("access_token").asText());
    }

    private static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
