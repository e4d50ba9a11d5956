package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.testsupport.StackImages;
import io.github.harborupload.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's login, stored the way {@code docker login} stores it when {@code config.json} names
 * a credential store: the secret goes to the helper (a {@code docker-credential-*} program of the
 * tests' own, on PATH), the file keeps only an empty marker, and the next push finds it there.
 */
class LoginThroughAHelperIT {

    @TempDir
    Path dir;

    @Test
    void aLoginStoredThroughTheHelperIsFoundAgainAndPushes() throws IOException {
        TestStack stack = TestStack.require();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-testhelper");
        try (var script = getClass().getResourceAsStream("/credential-helpers/docker-credential-testhelper")) {
            Files.copy(script, helper, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path store = Files.createDirectories(dir.resolve("helper-store"));
        Path dockerConfig = Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dockerConfig.resolve("config.json"), "{\"credsStore\":\"testhelper\",\"psFormat\":\"table\"}");
        Services services = new Services(new Environment(Map.of(
                "DOCKER_HOST", stack.dockerHost(),
                "DOCKER_CONFIG", dockerConfig.toString(),
                "PATH", bin + ":/usr/bin:/bin",
                "TESTHELPER_STORE", store.toString(),
                "HARBOR_UPLOAD_CONFIG_DIR", dir.resolve("app").toString()), "Linux", dir));
        Credential credential = new Credential(stack.user(), stack.password());

        CredentialStore savedIn = new LoginStep(services).login(stack.registry(), credential, false);

        assertTrue(savedIn.isHelper());
        assertEquals("testhelper", savedIn.helper());
        String config = Files.readString(dockerConfig.resolve("config.json"));
        assertFalse(config.contains(stack.password()), "the secret is in the helper, not the file");
        assertTrue(config.contains("\"psFormat\""), "keys the wizard does not know survive");
        assertTrue(config.contains(stack.registry()), "the CLI's empty marker for the registry");
        try (var files = Files.list(store)) {
            assertEquals(1, files.count(), "the helper holds one login");
        }

        Credential found = new CredentialsStep(services).findStoredLogin(stack.registry()).orElseThrow();
        assertEquals(credential, found);

        HarborTarget target = new HarborTarget(stack.registry(), "helper-it",
                TestStack.uniqueRepository("tiny"), "1");
        try (StackImages images = new StackImages(stack)) {
            // A plain registry has no Harbor API: the preparation asks nothing and tags.
            PushPreparation preparation = new PushPreparation(services);
            PushPreparation.Plan plan = preparation.check(new TagStep(services).findImage(stack.tinyImage()), target, found,
                    Optional.empty());
            assertEquals(List.of(), plan.questions());
            preparation.tag(plan);
            images.removeLater(target.link());
            PushResult result = services.engine().push(target.imageName(), target.tag(), found, event -> { }).await();
            assertTrue(result.digest().startsWith("sha256:"), "the stored login pushes");
        } finally {
            services.close();
        }
    }
}
