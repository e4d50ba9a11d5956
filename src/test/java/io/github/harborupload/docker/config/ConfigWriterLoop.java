package io.github.harborupload.docker.config;

import io.github.harborupload.credentials.Credential;
import java.nio.file.Path;

/**
 * A program that writes Docker's config.json again and again until it is killed, for
 * {@link InterruptedConfigWriteTest}: each write turns every login of the file into the other of
 * two versions, through the same code the wizard uses to store a login.
 */
final class ConfigWriterLoop {

    /** Logins per version: enough that a write takes a while and a kill can land inside one. */
    static final int REGISTRIES = 400;
    static final Credential FIRST = new Credential("first-user", "First-Pass_0123456789");
    static final Credential SECOND = new Credential("second-user", "Second-Pass_012345678");

    private ConfigWriterLoop() {
    }

    /** Turns the file into one version: each registry's login is that credential. */
    static void writeVersion(Path file, Credential credential) {
        DockerConfigFile config = DockerConfigFile.read(file);
        for (int i = 0; i < REGISTRIES; i++) {
            config.putCredential(registry(i), credential);
        }
        config.write();
    }

    static String registry(int i) {
        return "registry-" + i + ".example:5000";
    }

    /** {@code ConfigWriterLoop FILE}: prints a line after each write, for the test to know it runs. */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        for (long written = 0; ; written++) {
            writeVersion(file, written % 2 == 0 ? SECOND : FIRST);
            System.out.println("wrote " + written);
        }
    }
}
