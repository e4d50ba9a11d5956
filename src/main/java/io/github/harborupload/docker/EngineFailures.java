package io.github.harborupload.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Turns what docker-java and its HTTP client throw into this package's exceptions.
 *
 * <p>What they really throw (checked against dockerd 20.10 and docker-java 3.7.1 with httpclient5):
 * an HTTP error status becomes a {@link DockerException} whose message is
 * {@code "Status 500: {\"message\":\"…\"}"}; a transport failure becomes a bare
 * {@code RuntimeException} around an {@link IOException}: {@code SocketException "No such file or
 * directory"} for a missing unix socket, {@code ConnectException "Connection refused"} for a socket
 * nobody listens on, {@code BindException "Permission denied"} for a socket this user may not open,
 * {@code SocketTimeoutException "Read timed out"} when the response timeout passes.
 */
final class EngineFailures {

    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: (.*)$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final Duration responseTimeout;

    EngineFailures(String endpoint, Duration responseTimeout) {
        this.endpoint = endpoint;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Any failure of a quick call, once the caller has handled the HTTP statuses it expects. Every
     * failure becomes an {@link EngineException}, so callers need to catch only that.
     */
    EngineException translate(RuntimeException failure) {
        if (failure instanceof EngineException already) {
            return already;
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return fromTransport(io, failure);
        }
        if (failure instanceof DockerException docker) {
            return new EngineException(engineMessage(docker), failure);
        }
        if (failure instanceof DockerClientException) {
            return new EngineException(failure.getMessage(), failure);
        }
        return new EngineException(failure.toString(), failure);
    }

    EngineException fromTransport(IOException io, Throwable failure) {
        if (io instanceof SocketTimeoutException && !(io instanceof ConnectTimeoutException)) {
            return new EngineTimeoutException(endpoint, responseTimeout, failure);
        }
        return unreachable(reasonOf(io), io, failure);
    }

    /** The connection to the engine broke after it had started to answer. */
    EngineUnreachableException connectionLost(IOException io, Throwable failure) {
        return unreachable(Reason.CONNECTION_LOST, io, failure);
    }

    private EngineUnreachableException unreachable(Reason reason, IOException io, Throwable failure) {
        String detail = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        String message = reason == Reason.CONNECTION_LOST
                ? "the connection to the Docker engine at " + endpoint + " broke: " + detail
                : "cannot connect to the Docker engine at " + endpoint + ": " + detail;
        return new EngineUnreachableException(endpoint, reason, message, failure);
    }

    static Reason reasonOf(IOException io) {
        String message = io.getMessage() == null ? "" : io.getMessage();
        // The JDK reports a unix socket it may not open as a BindException; Windows says "Access is denied",
        // or (a pipe opened as a file, issue 16 item 4) throws AccessDeniedException whose message is only the path.
        if (message.contains("Permission denied") || message.contains("Access is denied") || io instanceof AccessDeniedException) {
            return Reason.PERMISSION_DENIED;
        }
        if (message.contains("No such file or directory") || io instanceof FileNotFoundException
                || io instanceof NoSuchFileException || io instanceof UnknownHostException) {
            return Reason.NOT_FOUND;
        }
        if (io instanceof ConnectException) {
            return Reason.REFUSED;
        }
        // A handshake refused either way: an untrusted or misnamed engine certificate, or the
        // engine wanting a client certificate it was not given.
        if (io instanceof SSLException) {
            return Reason.TLS;
        }
        return Reason.OTHER;
    }

    /** The transport failure behind a failure, if any; a reply that is not valid JSON is not one. */
    static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io && !(cause instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }

    /**
     * The engine's own words from an HTTP error: docker-java's message is "Status N: " and the
     * response body, which is {@code {"message":"…"}} for dockerd.
     */
    static String engineMessage(DockerException failure) {
        String text = failure.getMessage() == null ? "" : failure.getMessage();
        Matcher status = STATUS_PREFIX.matcher(text);
        return engineMessage(status.matches() ? status.group(1) : text, failure.getHttpStatus());
    }

    /** The engine's own words from the body of an HTTP error answer, {@code {"message":"…"}} for dockerd. */
    static String engineMessage(String responseBody, int httpStatus) {
        String body = responseBody.strip();
        try {
            JsonNode message = JSON.readTree(body).get("message");
            if (message != null && message.isTextual()) {
                return message.asText();
            }
        } catch (IOException notJson) {
            // Some proxies answer with plain text or HTML; the body is the best there is.
        }
        return body.isEmpty() ? "HTTP " + httpStatus : body;
    }
}
