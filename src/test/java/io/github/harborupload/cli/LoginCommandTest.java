package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What login refuses before it asks the engine anything. The engine given is a socket that does not
 * exist: a command that reached it would end with the engine's exit code, not the usage code.
 */
class LoginCommandTest {

    private static final String SECRET = "Zq8-never-shown-Xw";

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir, "unix:///nonexistent/docker.sock");
    }

    static String layout(String name) throws IOException {
        try (InputStream in = LoginCommandTest.class.getResourceAsStream("/io/github/harborupload/credentials/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPasswordGivenAsAnArgumentIsRefusedWithoutBeingEchoed() {
        for (String[] args : new String[][] {
            {"login", "--username", "alice", "--password", SECRET},
            {"login", "-u", "alice", "-p", SECRET, "--verbose"},
            {"login", "--password=" + SECRET}}) {
            CliRunner.Result result = cli().run(args);
            assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
            assertTrue(result.err().contains("--password-stdin"), result.err());
            assertFalse(result.all().contains(SECRET), result.all());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dialog-a-copied-whole.txt, LABELS_ONLY",
        "dialog-b-copied-whole.txt, LABELS_ONLY",
        "dialog-c-before-reset.txt, PASSWORD_PLACEHOLDER"})
    void aDialogWithoutItsValuesSaysWhatToDo(String file, CredentialIssue issue) throws IOException {
        Path pasted = Files.writeString(dir.resolve(file), layout(file));
        CliRunner.Result result = cli().run("login", "--credentials-file", pasted.toString());
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains(new Translator(Language.ENGLISH).text(issue.text())), result.err());
    }

    @Test
    void thePastedTextCanComeFromStandardInputInChinese() throws IOException {
        CliRunner.Result result = cli().runWithInput(layout("dialog-c-before-reset.txt"),
                "login", "--credentials-file", "-", "--lang", "zh");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertTrue(result.err().contains(new Translator(Language.CHINESE).text(CredentialIssue.PASSWORD_PLACEHOLDER.text())),
                result.err());
    }

    @Test
    void textPastedIntoAChineseWindowsConsoleIsReadInItsCodePage() throws IOException {
        // Issue 16: a Windows console sends what is pasted in its code page (936 in Chinese); read
        // as UTF-8 the dialog's Chinese labels were garbage and "no username or password" was said.
        CliRunner.Result result = cli().runWithInput(layout("dialog-c-copied-whole.txt"), Charset.forName("GBK"),
                "login", "--credentials-file", "-", "--lang", "zh");
        // The credentials were found: the login went on to Docker, which this test has none of.
        assertEquals(ExitCode.ENGINE_UNREACHABLE.code(), result.exit(), result.all());
    }

    @Test
    void withoutAConsoleThereIsNoOneToAskThePasswordOf() {
        CliRunner.Result result = cli().run("login", "--registry", "harbor.example.org", "--username", "alice");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertTrue(result.err().contains("--password-stdin"), result.err());
    }

    @Test
    void conflictingOrIncompleteSourcesAreUsageErrors() {
        assertEquals(ExitCode.USAGE.code(), cli().runWithInput(SECRET, "login", "--password-stdin").exit(),
                "--password-stdin without --username");
        assertEquals(ExitCode.USAGE.code(),
                cli().runWithInput(SECRET, "login", "-u", "a", "--password-stdin", "--credentials-file", "x").exit());
        CliRunner.Result missing = cli().run("login", "--credentials-file", dir.resolve("nothing.txt").toString());
        assertEquals(ExitCode.USAGE.code(), missing.exit());
        assertTrue(missing.err().contains("nothing.txt"), missing.err());
        CliRunner.Result empty = cli().runWithInput("\n", "login", "-u", "alice", "--password-stdin");
        assertEquals(ExitCode.USAGE.code(), empty.exit());
        assertTrue(empty.err().contains(new Translator(Language.ENGLISH).text(CredentialIssue.PASSWORD_EMPTY.text())));
    }

    @Test
    void aBadRegistryAddressIsNamed() {
        CliRunner.Result result = cli().runWithInput(SECRET, "login", "--registry", "not a host", "-u", "a",
                "--password-stdin");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertFalse(result.all().contains(SECRET));
    }

    @Test
    void aSingleLabelRegistryIsRefusedWithTheReasonInBothLanguages() {
        // normalize.go splitDockerDomain: "harbor" has no dot or port and is not localhost, so docker
        // would log in to, tag for and push to Docker Hub.
        CliRunner.Result english = cli().runWithInput(SECRET, "login", "--registry", "harbor", "-u", "a", "--password-stdin");
        assertEquals(ExitCode.USAGE.code(), english.exit(), english.all());
        assertTrue(english.err().contains("Docker Hub") && english.err().contains("full host name"), english.err());
        CliRunner.Result chinese = cli().runWithInput(SECRET, "login", "--registry", "harbor", "-u", "a", "--password-stdin",
                "--lang", "zh");
        assertEquals(ExitCode.USAGE.code(), chinese.exit(), chinese.all());
        assertTrue(chinese.err().contains("完整的主机名"), chinese.err());
        assertFalse(english.all().contains(SECRET) || chinese.all().contains(SECRET));
    }

    @Test
    void onlyOneLineEndIsTakenOffAPasswordFromStandardInput() {
        assertEquals("pass", StandardInput.withoutLineEnd("pass\n"));
        assertEquals("pass", StandardInput.withoutLineEnd("pass\r\n"));
        assertEquals("pass\n", StandardInput.withoutLineEnd("pass\n\n"));
        assertEquals(" pass ", StandardInput.withoutLineEnd(" pass "));
    }
}
