package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login} and {@code push} with Docker's settings in every state they are found in: no
 * folder, an empty file, a file that is not JSON, keys this program does not know, a credential
 * helper that is missing, fails or never answers, a folder nobody may write. The login is checked
 * against the real registry; what happens to the file is checked byte by byte.
 */
class DockerConfigCliIT {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestStack stack;

    @TempDir
    Path dir;
    private CliRunner cli;
    private Path config;
    private Path bin;
    private Path helperStore;

    @BeforeAll
    static void connect() {
        stack = TestStack.require();
    }

    @BeforeEach
    void runner() throws IOException {
        bin = dir.resolve("bin");
        helperStore = Files.createDirectories(dir.resolve("helper-store"));
        cli = new CliRunner(dir, stack.dockerHost())
                .with("PATH", bin.toString())
                .with("TESTHELPER_STORE", helperStore.toString());
        config = cli.dockerConfig.resolve("config.json");
    }

    @Test
    void noFolderAtAllIsMadeOwnerOnly() throws IOException {
        assertFalse(Files.exists(cli.dockerConfig));
        assertEquals(0, logIn().exit());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.dockerConfig)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() throws IOException {
        write("");
        assertEquals(0, logIn().exit());
        assertTrue(JSON.readTree(config.toFile()).path("auths").has(stack.registry()));
    }

    @Test
    void keysThisProgramDoesNotKnowSurviveALogin() throws IOException {
        write("{\"auths\":{\"other.example\":{\"auth\":\"b3RoZXI6cGFzcw==\",\"email\":\"x@y\"}},"
                + "\"psFormat\":\"table {{.ID}}\",\"experimental\":\"enabled\",\"plugins\":{\"x\":{\"a\":[1,2]}},"
                + "\"proxies\":{\"default\":{\"httpProxy\":\"http://proxy:3128\"}}}");
        ObjectNode before = (ObjectNode) JSON.readTree(config.toFile());
        assertEquals(0, logIn().exit());
        ObjectNode after = (ObjectNode) JSON.readTree(config.toFile());
        ((ObjectNode) after.path("auths")).remove(stack.registry());
        assertEquals(before, after, "everything but the new login is as it was");
    }

    @Test
    void aFileThatIsNotJsonIsNamedAndNeverOverwritten() throws IOException {
        byte[] broken = "{\"auths\": {\"other.example\": {\"auth\": \"b3RoZXI6cGFzcw==\"}".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(cli.dockerConfig);
        Files.write(config, broken);

        CliRunner.Result login = logIn();
        assertProblem(login, ProblemType.DOCKER_CONFIG_UNREADABLE);
        assertTrue(login.err().contains("The file: " + config), login.err());
        CliRunner.Result push = cli.run("push", stack.tinyImage(), "--registry", stack.registry());
        assertProblem(push, ProblemType.DOCKER_CONFIG_UNREADABLE);
        assertArrayEquals(broken, Files.readAllBytes(config));
        assertFalse(login.all().contains("b3RoZXI6cGFzcw"), "the file's content is never quoted");
    }

    @Test
    void aHelperThatIsNotInstalledIsNamed() throws IOException {
        write("{\"credsStore\":\"nothere\"}");
        CliRunner.Result login = logIn();
        assertProblem(login, ProblemType.CREDENTIAL_HELPER_FAILED);
        assertTrue(login.err().contains("docker-credential-nothere"), login.err());
        assertEquals("{\"credsStore\":\"nothere\"}", Files.readString(config));
    }

    @Test
    void aHelperThatFailsIsNamedWithItsOwnWords() throws IOException {
        installHelper("failing");
        write("{\"credsStore\":\"failing\"}");
        CliRunner.Result login = cli.runWithInput(stack.password() + "\n", "login", "--registry", stack.registry(),
                "-u", stack.user(), "--password-stdin", "--verbose");
        assertProblem(login, ProblemType.CREDENTIAL_HELPER_FAILED);
        assertTrue(login.err().contains("the keychain is locked"), login.err());
    }

    @Test
    void aHelperThatNeverAnswersIsNamedOnceItIsStopped() throws Exception {
        // That it is stopped with its children is CredentialHelperTest's; here, what the command says.
        installHelper("hanging");
        write("{\"credsStore\":\"hanging\"}");
        CliRunner.Result login = logIn();
        assertProblem(login, ProblemType.CREDENTIAL_HELPER_FAILED);
        assertTrue(login.err().contains("docker-credential-hanging"), login.err());
    }

    @Test
    void aFolderNobodyMayWriteLeavesTheFileAsItWas() throws Exception {
        write("{\"auths\":{}}");
        byte[] before = Files.readAllBytes(config);
        Files.setPosixFilePermissions(cli.dockerConfig, PosixFilePermissions.fromString("r-x------"));
        // Root ignores permission bits; the immutable attribute stops root too.
        boolean immutable = Files.isWritable(cli.dockerConfig);
        if (immutable) {
            chattr("+i", cli.dockerConfig);
        }
        CliRunner.Result login;
        try {
            login = logIn();
        } finally {
            if (immutable) {
                chattr("-i", cli.dockerConfig);
            }
            Files.setPosixFilePermissions(cli.dockerConfig, PosixFilePermissions.fromString("rwx------"));
        }
        assertProblem(login, ProblemType.DOCKER_CONFIG_NOT_WRITABLE);
        assertArrayEquals(before, Files.readAllBytes(config));
        try (Stream<Path> files = Files.list(cli.dockerConfig)) {
            assertEquals(List.of(config), files.toList(), "no temporary file left");
        }
    }

    private CliRunner.Result logIn() {
        return cli.runWithInput(stack.password() + "\n", "login", "--registry", stack.registry(), "-u", stack.user(),
                "--password-stdin");
    }

    private void write(String content) throws IOException {
        Files.createDirectories(cli.dockerConfig);
        Files.writeString(config, content);
    }

    private void installHelper(String name) throws IOException {
        Files.createDirectories(bin);
        Path program = bin.resolve("docker-credential-" + name);
        try (InputStream script = getClass().getResourceAsStream("/credential-helpers/docker-credential-" + name)) {
            Files.copy(script, program);
        }
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    }

    private static void assertProblem(CliRunner.Result result, ProblemType type) {
        assertEquals(ExitCode.of(type).code(), result.exit(), result.all());
        assertTrue(result.err().contains(ENGLISH.text(CommandContext.BUNDLE, "problem.error", ENGLISH.text(type.title()))),
                "named as " + type + ": " + result.err());
        assertFalse(result.all().contains(stack.password()), "the password is never printed");
    }

    private static void chattr(String change, Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("chattr", change, path.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "chattr " + change + " " + path);
    }
}
