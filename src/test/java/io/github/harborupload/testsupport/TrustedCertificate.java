package io.github.harborupload.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A registry's CA made trusted the way the wizard's advice says: copied to
 * {@code /etc/docker/certs.d/HOST:PORT/ca.crt}, which dockerd reads on every connection (no
 * restart). The folder is the machine's, shared by every daemon on it, so only the one registry's
 * subfolder is made, and it is removed again on {@link #close()}, with {@code certs.d} itself if
 * this made it.
 */
public final class TrustedCertificate implements AutoCloseable {

    static final Path CERTS_D = Path.of("/etc/docker/certs.d");

    private final Path hostFolder;
    private final boolean madeCertsD;

    private TrustedCertificate(Path hostFolder, boolean madeCertsD) {
        this.hostFolder = hostFolder;
        this.madeCertsD = madeCertsD;
    }

    /** Trusts {@code ca} for {@code registry}; skips the test where certs.d cannot be made or written. */
    public static TrustedCertificate install(String registry, Path ca) throws IOException {
        Path existing = CERTS_D;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isWritable(existing)) {
            TestStack.unavailable("dockerd's certs.d cannot be written here (not root)");
        }
        boolean madeCertsD = !Files.exists(CERTS_D);
        Path hostFolder = CERTS_D.resolve(registry);
        Files.createDirectories(hostFolder);
        Files.copy(ca, hostFolder.resolve("ca.crt"));
        return new TrustedCertificate(hostFolder, madeCertsD);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(hostFolder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        if (madeCertsD) {
            try (Stream<Path> left = Files.list(CERTS_D)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(CERTS_D);
                }
            }
        }
    }
}
