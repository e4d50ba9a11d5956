package io.github.harborupload.benchmarks;

import io.github.harborupload.gzip.DeflaterThreads;
import io.github.harborupload.gzip.GzipSettings;
import io.github.harborupload.gzip.ParallelGzipOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * The project's {@link ParallelGzipOutputStream} on one file at several levels, on every core, as a
 * push compresses a layer (default block size and blocks in flight, the blob's digest on, the
 * diff_id's off since the archive reader hashes the layer): for each level
 * the wall time, the process's CPU time and the compressed bytes. The levels take turns in a rotating
 * order per round, so that the machine's other load falls on all of them alike. Prints
 * {@code METRIC gzip.<label>.l<level>.<name> <value>} lines for {@code scripts/benchmark.sh}, which sets
 * them beside {@code gzip -6} and docker's pushed size (issue 18: within 10 % of docker's size, as
 * fast as possible).
 *
 * <p>Arguments: the file (a tar of real binaries, or of text), a label for the metrics ("binaries"),
 * the levels ("1,2,3,4,6"; "4d" is level 4 with dense blocks at level 1, as a push on few cores
 * compresses), rounds, and optionally {@code both-digests} to hash the uncompressed bytes
 * too, as the pusher did before (to measure what hashing once saves).
 * Not a test.
 */
public final class GzipLevels {

    private static final int READ_SIZE = 1 << 20;

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String label = args[1];
        String[] levels = args[2].split(",");
        int rounds = Integer.parseInt(args[3]);
        boolean bothDigests = args.length > 4 && args[4].equals("both-digests");
        int threads = DeflaterThreads.defaultThreads();
        ExecutorService pool = DeflaterThreads.newPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < levels.length; i++) {
                    String level = levels[(round + i) % levels.length];
                    boolean dense = level.endsWith("d");
                    GzipSettings settings = GzipSettings.defaults(threads)
                            .withLevel(Integer.parseInt(dense ? level.substring(0, level.length() - 1) : level))
                            .withDenseBlocksFast(dense);
                    compress(file, label, level, bothDigests ? settings : settings.withoutUncompressedDigest(), pool);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void compress(Path file, String label, String level, GzipSettings settings, ExecutorService pool)
            throws IOException {
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(OutputStream.nullOutputStream(), pool, settings);
        try (InputStream in = Files.newInputStream(file); gzip) {
            byte[] buffer = new byte[READ_SIZE];
            int n;
            while ((n = in.read(buffer)) > 0) {
                gzip.write(buffer, 0, n);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        String name = "gzip." + label + ".l" + level;
        metric(name + ".wall_s", wall);
        metric(name + ".cpu_s", cpu);
        metric(name + ".bytes", gzip.compressedBytes());
        metric(name + ".input_bytes", gzip.uncompressedBytes());
    }

    /** CPU time of the whole process: the deflaters and the reading, hashing thread together. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void metric(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "METRIC %s %.3f", name, value));
    }
}
