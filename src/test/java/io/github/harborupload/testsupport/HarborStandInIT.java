package io.github.harborupload.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack's Harbor core stand-in and gateways do what the tests of the pusher rely on: Harbor's
 * token answers (crater-harbor-api.md, registry-push.md "Auth like Harbor"), the cut PATCH and the
 * 503 switch. The slow commit is shown by {@code GatewayFaultsIT} through dockerd.
 */
class HarborStandInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestStack stack;
    private static TestStack.TokenHarbor harbor;
    private final GatewayFaults faults = new GatewayFaults(stack);

    @BeforeAll
    static void setUp() {
        stack = TestStack.require();
        harbor = stack.requireTokenHarbor();
    }

    @AfterEach
    void clearFaults() {
        faults.close();
    }

    private static HttpResponse<String> token(String user, String password, String... scopes) throws Exception {
        StringBuilder url = new StringBuilder(harbor.tokenRealm()).append("?service=harbor-registry");
        for (String scope : scopes) {
            url.append("&scope=").append(scope);
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString())).header("Authorization", "Basic " + basic).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode jwtPart(String token, int part) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[part]));
    }

    private static int status(String address, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndAnEmptyBodyAsHarborsTokenService() throws Exception {
        String wrong = "wrong-" + System.nanoTime();
        HttpResponse<String> answer = token(stack.user(), wrong, "repository:user-testuser/x:pull,push");

        // Harbor: src/core/service/token/token.go, CustomAbort(401, "").
        assertEquals(401, answer.statusCode());
        assertEquals("", answer.body());
        // The stand-in's own files never hold what a client sent as a password.
        for (String log : List.of("core.log", "requests.log")) {
            Path file = stack.stackDir().resolve("core").resolve(log);
            assertFalse(Files.exists(file) && Files.readString(file).contains(wrong), log);
        }
    }

    @Test
    void aTokenGrantsPushOnlyInTheUsersOwnProjectAndCarriesItsCertificate() throws Exception {
        String own = "user-" + stack.user() + "/x";
        HttpResponse<String> answer = token(stack.user(), stack.password(),
                "repository:" + own + ":pull,push", "repository:user-" + stack.otherUser() + "/y:pull,push");

        assertEquals(200, answer.statusCode());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(body.get("token"), body.get("access_token"));
        assertEquals(harbor.tokenLifetimeSeconds(), body.get("expires_in").asInt());
        assertTrue(body.hasNonNull("issued_at"));
        String token = body.get("token").asText();
        // distribution 2.8 (registry/auth/token): RS256, the signing certificate in x5c, chaining to its bundle.
        JsonNode header = jwtPart(token, 0);
        assertEquals("RS256", header.get("alg").asText());
        assertEquals(1, header.get("x5c").size());
        JsonNode claims = jwtPart(token, 1);
        assertEquals("harbor-registry", claims.get("aud").asText());
        assertEquals(stack.user(), claims.get("sub").asText());
        assertEquals(harbor.tokenLifetimeSeconds(), claims.get("exp").asLong() - claims.get("iat").asLong());
        JsonNode access = claims.get("access");
        assertEquals(own, access.get(0).get("name").asText());
        assertEquals(List.of("pull", "push"), JSON.convertValue(access.get(0).get("actions"), List.class));
        assertEquals(List.of("pull"), JSON.convertValue(access.get(1).get("actions"), List.class));
    }

    @Test
    void theRegistryTakesTheTokenThroughTheGatewayAndRefusesWithoutOne() throws Exception {
        String token = JSON.readTree(token(stack.user(), stack.password(), "repository:user-testuser/x:pull").body())
                .get("token").asText();
        HttpRequest withToken = HttpRequest.newBuilder(URI.create("http://" + harbor.gateway() + "/v2/"))
                .header("Authorization", "Bearer " + token).build();

        assertEquals(200, HTTP.send(withToken, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, status(harbor.gateway(), "/v2/"));
    }

    @Test
    void aCutPatchEndsTheConnectionOnceAfterTheBytesAsked() throws Exception {
        String repository = "user-" + stack.user() + "/" + TestStack.uniqueRepository("stand-in-it/cut");
        String token = JSON.readTree(token(stack.user(), stack.password(), "repository:" + repository + ":pull,push").body())
                .get("token").asText();
        HttpResponse<Void> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + harbor.core() + "/v2/" + repository + "/blobs/uploads/"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(202, started.statusCode());
        URI upload = URI.create(started.headers().firstValue("Location").orElseThrow());
        faults.cutNextPatchAfter(1000);

        HttpRequest patch = HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").header("Content-Range", "0-99999")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])).build();

        assertThrows(IOException.class, () -> HTTP.send(patch, HttpResponse.BodyHandlers.discarding()));
        assertFalse(faults.cutArmed(), "the cut is used up");
        assertTrue(faults.requests().stream().anyMatch(line ->
                line[0].equals("PATCH") && line[1].equals("cut") && line[2].equals("1000") && upload.getPath().equals(line[3])));
    }

    @Test
    void theSwitchMakesBothGatewaysAnswer503UntilItIsOff() throws Exception {
        faults.unavailable(true);

        assertEquals(503, status(harbor.gateway(), "/v2/"));
        assertEquals(503, status(harbor.bufferingGateway(), "/v2/"));

        faults.unavailable(false);
        assertEquals(401, status(harbor.gateway(), "/v2/"));
        assertEquals(401, status(harbor.bufferingGateway(), "/v2/"));
    }
}
