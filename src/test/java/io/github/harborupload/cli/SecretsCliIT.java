package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.platformserver.HtpasswdRegistry;
import io.github.harborupload.testsupport.CapturedOutput;
import io.github.harborupload.testsupport.SecretSearch;
import io.github.harborupload.testsupport.SecretSearch.Hit;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's whole path with sentinel passwords (a wrong one, then the right one, from
 * standard input and from a pasted dialog), then a search for them in every file it wrote, the
 * stack's logs, new files in /tmp and home, and everything it and this JVM printed. Only the
 * login in config.json's {@code auths} may hold the right one.
 */
class SecretsCliIT {

    static final String HARBOR_PASSWORD = "SentinelCliPass_0123";
    static final String WRONG_PASSWORD = "SentinelCliWrong_987";

    @TempDir
    Path dir;
    /** The user's own file with the pasted dialog: outside what the program writes. */
    @TempDir
    Path userFiles;
    private TestStack stack;
    private final String user = "cli-secret-" + Long.toHexString(System.nanoTime());
    private HtpasswdRegistry registry;

    @BeforeEach
    void addUser() throws IOException {
        stack = TestStack.require();
        registry = new HtpasswdRegistry(stack.stackDir().resolve("reg").resolve("htpasswd"), stack.registry(),
                new Credential(stack.user(), stack.password()));
        registry.setPassword(user, HARBOR_PASSWORD);
    }

    @AfterEach
    void removeUser() throws IOException {
        registry.remove(user);
    }

    @Test
    void theSecretsOfTheWholePathAreOnlyInTheStoredLogin() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        CliRunner cli = new CliRunner(dir, stack.dockerHost());
        List<CliRunner.Result> runs = new ArrayList<>();
        try (CapturedOutput output = CapturedOutput.start(); StackImages images = new StackImages(stack)) {
            String image = images.buildLayers(TestStack.uniqueRepository("local/cli-secrets"), Files.createDirectory(dir.resolve("image")), 1 << 20);
            runs.add(cli.runWithInput(WRONG_PASSWORD + "\n", "login", "--registry", stack.registry(), "-u", user,
                    "--password-stdin", "--verbose"));
            assertEquals(ExitCode.AUTH.code(), runs.get(0).exit(), runs.get(0).all());
            Path dialog = Files.writeString(userFiles.resolve("dialog.txt"),
                    "用户名: " + user + "\n密码: " + HARBOR_PASSWORD + "\n");
            runs.add(cli.run("login", "--registry", stack.registry(), "--credentials-file", dialog.toString(), "--verbose"));
            assertEquals(0, runs.get(1).exit(), runs.get(1).all());
            images.removeLater(stack.registry() + "/user-" + user + "/" + image.replace("/", "-").replace(":1", "") + ":1");
            runs.add(cli.run("push", image, "--registry", stack.registry(), "--tag", "1", "--progress", "plain", "--verbose"));
            assertEquals(0, runs.get(2).exit(), runs.get(2).all());
            runs.add(cli.run("push", image, "--registry", stack.registry(), "--tag", "1", "--json"));
            runs.add(cli.run("images", "--verbose"));

            SecretSearch search = new SecretSearch(List.of(HARBOR_PASSWORD, WRONG_PASSWORD));
            List<Hit> hits = new ArrayList<>();
            Path config = cli.dockerConfig.resolve("config.json");
            hits.addAll(search.in(config + " (but the stored login)", withoutStoredLogin(config)));
            for (Hit hit : search.inFiles(dir)) {
                if (!hit.where().equals(config.toString())) {
                    hits.add(hit);
                }
            }
            for (CliRunner.Result run : runs) {
                hits.addAll(search.in("the output of a command", run.all()));
            }
            hits.addAll(search.in("this JVM's standard output and error", output.text()));
            hits.addAll(search.inFiles(stack.stackDir().resolve("dkr"), stack.stackDir().resolve("reg").resolve("registry.log"),
                    stack.stackDir().resolve("ngx")));
            hits.addAll(search.inFiles(Path.of(System.getProperty("java.io.tmpdir")), started, 1 << 20,
                    Set.of(stack.stackDir(), dir, userFiles)));
            Path home = Path.of(System.getProperty("user.home"));
            hits.addAll(search.inFiles(home, started, 1 << 20, Set.of(home.resolve(".m2"), home.resolve(".cache"))));
            assertEquals(List.of(), hits);
        }
    }

    /** config.json without the one login stored, which must be exactly that login. */
    private String withoutStoredLogin(Path config) throws IOException {
        String text = Files.readString(config);
        JsonNode auth = new ObjectMapper().readTree(text).path("auths").path(stack.registry()).path("auth");
        assertEquals(user + ":" + HARBOR_PASSWORD, new String(Base64.getDecoder().decode(auth.asText()), StandardCharsets.UTF_8));
        return text.replace(auth.asText(), "");
    }
}
