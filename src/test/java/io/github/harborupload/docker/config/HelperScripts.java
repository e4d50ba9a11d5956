package io.github.harborupload.docker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The tests' own {@code docker-credential-*} bash scripts (src/test/resources/credential-helpers):
 * testhelper keeps logins as files in {@code $TESTHELPER_STORE}; failing, echoing, garbage and
 * hanging misbehave as their names say.
 */
final class HelperScripts {

    private HelperScripts() {
    }

    /** Copies one helper (e.g. "testhelper") into {@code bin}, executable, named {@code programName}. */
    static void installAs(Path bin, String helper, String programName) {
        try (InputStream script = HelperScripts.class.getResourceAsStream("/credential-helpers/docker-credential-" + helper)) {
            if (script == null) {
                throw new IllegalArgumentException("no test helper " + helper);
            }
            Files.createDirectories(bin);
            Path file = bin.resolve(programName);
            Files.copy(script, file);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the named helpers into {@code bin} under their own program names. */
    static void install(Path bin, String... helpers) {
        for (String helper : helpers) {
            installAs(bin, helper, "docker-credential-" + helper);
        }
    }

    /** An environment whose PATH is only {@code bin}, so no helper of the machine is found. */
    static Map<String, String> environment(Path bin, Path store) {
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("PATH", bin.toString(), "TESTHELPER_STORE", store.toString());
    }
}
