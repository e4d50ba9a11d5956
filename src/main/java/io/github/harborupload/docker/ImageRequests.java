package io.github.harborupload.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The engine's image endpoints spoken to in raw HTTP ({@code /images/{name}/json} and
 * {@code /get}), for {@link DockerEngine#inspect} and {@link DockerEngine#export}.
 */
final class ImageRequests {

    private ImageRequests() {
    }

    /**
     * {@code GET /images/{name}/{what}}: the answer when it is 200, else the engine's refusal as an
     * exception (404: {@link ImageNotFoundException}). Raw HTTP, because docker-java's inspect has
     * no variant and closing its save stream reads the whole rest of the archive first.
     */
    static Response get(DockerHttpClient http, String image, String what) {
        Request request = Request.builder().method(Request.Method.GET)
                .path("/images/" + pathSegment(image) + "/" + what).build();
        Response response = http.execute(request);
        int status = response.getStatusCode();
        if (status == 200) {
            return response;
        }
        String message;
        try (response) {
            message = EngineFailures.engineMessage(new String(response.getBody().readNBytes(64 * 1024),
                    StandardCharsets.UTF_8), status);
        } catch (IOException e) {
            message = "HTTP " + status;
        }
        if (status == 404 || isMissingImageId(message)) {
            throw new ImageNotFoundException(image, message, null);
        }
        throw new EngineException(message);
    }

    /**
     * dockerd 20.10 answers the export of an image ID it does not have with 500, not 404 (seen on
     * the stack): "failed to get digest sha256:…: open …/imagedb/content/sha256/…: no such file or
     * directory".
     */
    private static boolean isMissingImageId(String message) {
        return message.startsWith("failed to get digest") && message.endsWith("no such file or directory");
    }

    /** An image name in a URL path: '/' and ':' stay (dockerd's route takes the rest of the path). */
    private static String pathSegment(String image) {
        return URLEncoder.encode(image, StandardCharsets.UTF_8).replace("%2F", "/").replace("%3A", ":");
    }
}
