package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code login} does with input nobody means to give it: a pasted file of 10 MB, one that
 * never ends, binary, a "password" of megabytes. Each ends at once with the reason, before the
 * engine is asked anything, and nothing of it is echoed.
 */
class HostileLoginInputTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final String CREDENTIALS_BUNDLE = "io.github.harborupload.credentials.messages";
    /** A command that ends must end well within this; without a bound, /dev/zero is read forever. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir, "unix:///nonexistent/docker.sock");
    }

    @Test
    void aTenMegabyteFileIsTooLong() throws IOException {
        Path huge = Files.writeString(dir.resolve("huge.txt"), "用户名\nalice\n".repeat(10 * (1 << 20) / 10));
        CliRunner.Result result = cli().run("login", "--registry", "127.0.0.1:5000", "--credentials-file", huge.toString());
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains(issue(CredentialIssue.PASTE_TOO_LONG)), result.err());
    }

    @Test
    void aFileThatNeverEndsIsReadOnlyAsFarAsAPasteCanGo() {
        CliRunner.Result result = assertTimeoutPreemptively(HANG,
                () -> cli().run("login", "--registry", "127.0.0.1:5000", "--credentials-file", "/dev/zero"));
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains(issue(CredentialIssue.PASTE_TOO_LONG)), result.err());
    }

    @Test
    void aBinaryFileIsReadAndHoldsNoCredential() throws IOException {
        byte[] bytes = new byte[4096];
        new SplittableRandom(11).nextBytes(bytes);
        Path binary = Files.write(dir.resolve("image.png"), bytes);
        CliRunner.Result result = cli().run("login", "--registry", "127.0.0.1:5000", "--credentials-file", binary.toString());
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains(issue(CredentialIssue.NOTHING_RECOGNISED)), result.err());
    }

    @Test
    void megabytesOnStandardInputAreNotAPassword() {
        String flood = "Sentinel".repeat(1 << 20);
        CliRunner.Result result = assertTimeoutPreemptively(HANG, () -> cli().runWithInput(flood,
                "login", "--registry", "127.0.0.1:5000", "-u", "alice", "--password-stdin"));
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(CommandContext.BUNDLE, "login.stdinTooLong",
                io.github.harborupload.flow.CredentialsStep.MAX_PASTE_LENGTH)), result.err());
        assertFalse(result.all().contains("SentinelSentinel"), "none of it is echoed");
    }

    private static String issue(CredentialIssue issue) {
        return ENGLISH.text(CREDENTIALS_BUNDLE, "issue." + issue.name());
    }
}
