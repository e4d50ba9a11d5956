package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.settings.AppFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored login a push uses, read from a Docker config of the test's own. */
class CredentialsStepTest {

    @TempDir
    Path dir;

    private CredentialsStep step() {
        Environment environment = new Environment(Map.of(
                "DOCKER_CONFIG", dir.resolve("docker").toString(),
                AppFolders.OVERRIDE_VARIABLE, dir.resolve("app").toString(),
                "PATH", "/nonexistent"), "Linux", dir);
        return new CredentialsStep(new Services(environment));
    }

    @Test
    void aStoredLoginIsFoundUnderAnySpellingOfTheAddress() throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        // base64 of "alice:s3cret"
        Files.writeString(dir.resolve("docker/config.json"),
                "{\"auths\":{\"harbor.example.org\":{\"auth\":\"YWxpY2U6czNjcmV0\"}}}");
        assertEquals(new Credential("alice", "s3cret"), step().requireStoredLogin("https://harbor.example.org/"));
    }

    @Test
    void noStoredLoginIsTheNotLoggedInProblem() {
        NotLoggedInException missing = assertThrows(NotLoggedInException.class,
                () -> step().requireStoredLogin("harbor.example.org"));
        assertEquals("harbor.example.org", missing.registry());
        assertEquals(ProblemType.NOT_LOGGED_IN, Problems.of(missing).type());
    }
}
