package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.config.ConfigFileException;
import io.github.harborupload.docker.config.ContextNotFoundException;
import io.github.harborupload.docker.config.CredentialHelperException;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Docker's own configuration gone wrong is named as such, with the file or the helper: before,
 * each came out as "Something went wrong", which sent users to look at Docker and the registry.
 */
class DockerConfigProblemsTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Path CONFIG = Path.of("/home/alice/.docker/config.json");

    @Test
    void aFileThatCannotBeReadOrIsNotJson() {
        for (ConfigFileException.Reason reason : new ConfigFileException.Reason[] {
            ConfigFileException.Reason.UNREADABLE, ConfigFileException.Reason.INVALID}) {
            Problem problem = Problems.of(new ConfigFileException(CONFIG, reason, CONFIG + " is not valid JSON", null));
            assertEquals(ProblemType.DOCKER_CONFIG_UNREADABLE, problem.type());
            assertEquals("The file: " + CONFIG, ENGLISH.text(problem.causes().get(0)));
        }
    }

    @Test
    void aFileThatCannotBeWritten() {
        Problem problem = Problems.of(new ConfigFileException(CONFIG, ConfigFileException.Reason.UNWRITABLE,
                "Could not write " + CONFIG + " (the old file is unchanged): AccessDeniedException",
                new AccessDeniedException(CONFIG.toString())));
        assertEquals(ProblemType.DOCKER_CONFIG_NOT_WRITABLE, problem.type());
        assertEquals("The file: " + CONFIG, ENGLISH.text(problem.causes().get(0)));
    }

    @Test
    void aHelperThatIsMissingFailsOrHangs() {
        for (CredentialHelperException.Reason reason : CredentialHelperException.Reason.values()) {
            Problem problem = Problems.of(new CredentialHelperException("docker-credential-pass", reason,
                    "docker-credential-pass store failed"));
            assertEquals(ProblemType.CREDENTIAL_HELPER_FAILED, problem.type(), reason.toString());
            assertTrue(ENGLISH.text(problem.causes().get(0)).contains("docker-credential-pass"), reason.toString());
        }
    }

    @Test
    void aMissingContextIsWhereDockerWasLookedFor() {
        Problem problem = Problems.of(new ContextNotFoundException("remote", "DOCKER_CONTEXT", Path.of("/x/meta.json")));
        assertEquals(ProblemType.ENGINE_UNREACHABLE, problem.type());
    }
}
