package io.github.harborupload.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What one SHA-256 pass over a layer costs, as the archive reader and (before issue 18's "hash
 * once") {@code ParallelGzipOutputStream} each made it: the file read in 64 KiB pieces into
 * {@link MessageDigest}, the thread's own CPU time, so the machine's other load does not count. The
 * first pass warms the file cache and the compiler and is not counted. Prints
 * {@code METRIC sha256.cpu_s_per_gb <seconds>} per counted pass.
 *
 * <p>Arguments: the file, passes. Not a test.
 */
public final class Sha256Pass {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path file = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass <= passes; pass++) {
            long before = threads.getCurrentThreadCpuTime();
            long bytes = hash(file);
            double seconds = (threads.getCurrentThreadCpuTime() - before) / 1e9;
            if (pass > 0) {
                System.out.println(String.format(Locale.ROOT, "METRIC sha256.cpu_s_per_gb %.3f", seconds / (bytes / 1e9)));
            }
        }
    }

    private static long hash(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
                total += n;
            }
        }
        sha256.digest();
        return total;
    }
}
