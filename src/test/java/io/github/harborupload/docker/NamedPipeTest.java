package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Docker Desktop's named pipe on Windows (issue 16, item 4), on Linux with a stand-in for the pipe's existence. */
class NamedPipeTest {

    @Test
    void bothSpellingsOfThePipeAddressNameTheSameWindowsPipe() {
        // docker-java's default is npipe:////./pipe/docker_engine; DOCKER_HOST is often npipe://./pipe/docker_engine (docker-java#1464).
        assertEquals(Optional.of("\\\\.\\pipe\\docker_engine"), NamedPipe.windowsPath("npipe:////./pipe/docker_engine"));
        assertEquals(Optional.of("\\\\.\\pipe\\dockerDesktopLinuxEngine"), NamedPipe.windowsPath("npipe://./pipe/dockerDesktopLinuxEngine"));
        assertEquals(Optional.empty(), NamedPipe.windowsPath("unix:///var/run/docker.sock"));
    }

    @Test
    void aMissingPipeIsDockerDesktopNotRunningWithoutConnecting() {
        // Issue 16, item 4: docker-java's NamedPipeSocket waited 10 s and more before failing.
        List<String> asked = new ArrayList<>();

        EngineUnreachableException failure = assertThrows(EngineUnreachableException.class,
                () -> NamedPipe.requireExisting("npipe:////./pipe/docker_engine", pipe -> asked.add(pipe) && false));

        assertEquals(Reason.NOT_FOUND, failure.reason());
        assertEquals(List.of("\\\\.\\pipe\\docker_engine"), asked);
        assertTrue(failure.getMessage().contains("Docker Desktop is not running"), failure.getMessage());
        NamedPipe.requireExisting("npipe:////./pipe/docker_engine", pipe -> true);
        NamedPipe.requireExisting("unix:///nowhere.sock", pipe -> false); // not a pipe: not this check's business
    }

    @Test
    void anEngineAtAMissingPipeIsNotFoundAtOnce() {
        // On Linux no \\.\pipe\ exists, so the real check answers "not there" as Windows does without
        // Docker Desktop; the generous timeouts show the answer does not come from waiting.
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of("npipe:////./pipe/docker_engine", "default"),
                Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            EngineUnreachableException failure = assertThrows(EngineUnreachableException.class, engine::ping);
            assertEquals(Reason.NOT_FOUND, failure.reason());
        }
    }

    @Test
    void aPipeThisUserMayNotOpenIsPermissionDeniedThoughItsMessageIsOnlyThePath() {
        // Issue 16, item 4: the JDK's AccessDeniedException for a pipe says only "\\.\pipe\docker_engine";
        // the user is not in the docker-users group.
        assertEquals(Reason.PERMISSION_DENIED, EngineFailures.reasonOf(new AccessDeniedException("\\\\.\\pipe\\docker_engine")));
    }
}
