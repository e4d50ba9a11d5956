package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.junit.jupiter.api.Test;

/**
 * The failures below are the ones docker-java 3.7.1 and httpclient5 were seen to throw against this
 * machine's dockerd (see {@link EngineFailures}); the integration tests meet the real ones.
 */
class EngineFailuresTest {

    private static final String ENDPOINT = "unix:///var/run/docker.sock";
    private final EngineFailures failures = new EngineFailures(ENDPOINT, Duration.ofSeconds(60));

    @Test
    void theEnginesMessageIsTakenOutOfTheJsonBody() {
        InternalServerErrorException login = new InternalServerErrorException(
                "{\"message\":\"login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized\"}\n");

        assertEquals("login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized",
                EngineFailures.engineMessage(login));
        assertEquals("Bad parameters and missing X-Registry-Auth: EOF", EngineFailures.engineMessage(
                new BadRequestException("{\"message\":\"Bad parameters and missing X-Registry-Auth: EOF\"}")));
    }

    @Test
    void aBodyThatIsNotJsonIsKeptAsItIs() {
        assertEquals("<html>502 Bad Gateway</html>",
                EngineFailures.engineMessage(new InternalServerErrorException("<html>502 Bad Gateway</html>")));
        assertEquals("HTTP 404", EngineFailures.engineMessage(new NotFoundException("")));
    }

    @Test
    void aMissingSocketMeansTheEngineIsNotThere() {
        EngineException failure = failures.translate(
                new RuntimeException(new SocketException("No such file or directory")));

        EngineUnreachableException unreachable = assertInstanceOf(EngineUnreachableException.class, failure);
        assertEquals(Reason.NOT_FOUND, unreachable.reason());
        assertEquals(ENDPOINT, unreachable.endpoint());
        assertTrue(unreachable.getMessage().contains(ENDPOINT), unreachable.getMessage());
    }

    @Test
    void aSocketNobodyListensOnIsRefused() {
        assertEquals(Reason.REFUSED, EngineFailures.reasonOf(new ConnectException("Connection refused")));
        assertEquals(Reason.REFUSED, EngineFailures.reasonOf(
                new HttpHostConnectException("Connect to http://127.0.0.1:1 failed: Connection refused")));
    }

    @Test
    void aSocketThisUserMayNotOpenIsPermissionDenied() {
        // What the JDK throws for EACCES on a unix socket (seen with a 0700 socket and another user).
        assertEquals(Reason.PERMISSION_DENIED, EngineFailures.reasonOf(new BindException("Permission denied")));
    }

    @Test
    void aSlowAnswerIsATimeoutButASlowConnectIsNot() {
        EngineException slowAnswer = failures.translate(new RuntimeException(new SocketTimeoutException("Read timed out")));
        EngineException slowConnect = failures.translate(new RuntimeException(
                new ConnectTimeoutException("Connect to http://10.0.0.1:2375 failed: Connect timed out")));

        assertEquals(Duration.ofSeconds(60), assertInstanceOf(EngineTimeoutException.class, slowAnswer).waited());
        assertInstanceOf(EngineUnreachableException.class, slowConnect);
    }

    @Test
    void anHttpErrorKeepsTheEnginesText() {
        EngineException failure = failures.translate(new InternalServerErrorException(
                "{\"message\":\"invalid reference format: repository name must be lowercase\"}"));

        assertEquals(EngineException.class, failure.getClass());
        assertEquals("invalid reference format: repository name must be lowercase", failure.getMessage());
    }
}
