package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.testsupport.SecretSearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that fails the way nothing expected, with a message quoting a request and its
 * password: what the command line prints (with --verbose, the detail too) names the failure, masks
 * the secret, and never is a stack trace, whether an exception or an error ended it.
 */
class CrashOutputTest {

    private static final String SECRET = "SentinelCrash_012345";

    @TempDir
    Path dir;

    /** A command whose work throws what it is given. */
    private static final class Crashing extends CliCommand {
        private final Throwable thrown;

        Crashing(CommandContext context, Throwable thrown) {
            super(context);
            this.thrown = thrown;
        }

        @Override
        ExitCode execute() {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }
    }

    @Test
    void anUnexpectedExceptionIsAProblemWithoutTheSecret() {
        assertReported(new IllegalStateException(SecretSearch.aMessageQuotingARequest(SECRET)));
    }

    @Test
    void anUnexpectedErrorIsAProblemWithoutTheSecretToo() {
        assertReported(new AssertionError(SecretSearch.aMessageQuotingARequest(SECRET)));
    }

    private void assertReported(Throwable thrown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Environment environment = new Environment(Map.of("DOCKER_CONFIG", dir.resolve("docker").toString()), "Linux", dir);
        try (Services services = new Services(environment)) {
            CommandContext context = new CommandContext(services, new Translator(Language.ENGLISH), terminal,
                    action -> () -> { }, () -> true);
            int exit = new Crashing(context, thrown).call();
            String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

            assertEquals(ExitCode.OTHER.code(), exit, printed);
            assertTrue(printed.contains("request failed: Authorization: Basic ***"), "--verbose shows the detail: " + printed);
            assertFalse(printed.contains("\tat "), "no stack trace: " + printed);
            assertEquals(List.of(), new SecretSearch(List.of(SECRET)).in("the output", printed));
        }
    }
}
