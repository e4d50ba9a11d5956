package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.harbor.BoundedExchange;
import java.io.IOException;

/**
 * The platform's answer shape, {@code {"code": int, "data": any, "msg": string}}
 * (backend/internal/resputil/response.go): success is a 2xx status with code 0; anything else is
 * an error whose {@code msg} the web frontend shows as it is.
 */
final class Envelope {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EXCERPT = 300;

    private Envelope() {
    }

    /**
     * The {@code data} of a successful answer (a JSON null or missing node when it had none).
     *
     * @throws PlatformException for an error answer, or one that is not the envelope
     */
    static JsonNode data(Endpoint endpoint, BoundedExchange.Answer answer) throws PlatformException {
        if (answer.truncated()) {
            throw PlatformException.of(PlatformException.Kind.TOO_LARGE, endpoint).status(answer.status())
                    .detail("the answer is longer than " + answer.body().length + " bytes").build();
        }
        if (answer.body().length == 0 || answer.excerpt(1).isEmpty()) {
            throw PlatformException.of(PlatformException.Kind.EMPTY_ANSWER, endpoint).status(answer.status())
                    .detail("empty answer").build();
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw PlatformException.of(PlatformException.Kind.NOT_JSON, endpoint).status(answer.status())
                    .detail("not JSON (" + (answer.contentType().isEmpty() ? "no content type" : answer.contentType())
                            + "): " + excerpt(endpoint, answer))
                    .build();
        }
        JsonNode code = json.path("code");
        if (!json.isObject() || !code.isIntegralNumber()) {
            throw PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, endpoint).status(answer.status())
                    .detail("no {code, data, msg} envelope: " + excerpt(endpoint, answer)).build();
        }
        JsonNode msg = json.path("msg");
        if (code.asInt() != PlatformCodes.OK || !answer.isSuccess()) {
            throw PlatformException.of(PlatformException.Kind.SERVER_ERROR, endpoint)
                    .status(answer.status())
                    .code(code.asInt())
                    .serverMessage(msg.isValueNode() ? msg.asText() : msg.toString())
                    .build();
        }
        return json.path("data");
    }

    /** The start of the answer, for the detail; never for an answer that may carry secrets. */
    private static String excerpt(Endpoint endpoint, BoundedExchange.Answer answer) {
        if (endpoint.answersWithSecrets()) {
            return "(" + answer.body().length + " bytes, not quoted: this call's answer carries secrets)";
        }
        return answer.excerpt(MAX_EXCERPT);
    }
}
