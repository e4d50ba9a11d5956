package io.github.harborupload.benchmarks;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.pusher.Pusher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Issue 18, "a re-push costs no more than docker's re-push", in a running process (the wizard's
 * case): one {@link Pusher}, as the wizard keeps one, pushes the five-layer image once, then again
 * under a new tag each round; beside it {@code docker push} of the same image under a new tag of
 * its own repository, the two taking turns. Each re-push is timed from the start of the push to its
 * outcome, and the registry's access log says how many requests it made. Prints {@code METRIC}
 * lines for {@code scripts/benchmark.sh} (its part "repush") and the ratio of the medians.
 *
 * <p>Arguments: rounds, and optionally how many entries of other pushes the record of earlier
 * pushes holds before the first push (a long-time user's: up to 4,000). Reads the private stack from the variables {@code scripts/stack.sh env}
 * prints; needs a {@code docker login} in DOCKER_CONFIG for the CLI. Not a test.
 */
public final class RePushInProcess {

    private static final String DOCKER = "/usr/bin/docker";
    /** An access-log line of the distribution registry: {@code "HEAD /v2/… HTTP/1.1" 200 …}. */
    private static final Pattern REQUEST = Pattern.compile("\"(GET|HEAD|PUT|POST|PATCH|DELETE) /v2/");

    private final Map<String, String> env = System.getenv();
    private final String registry = env.get("TEST_REGISTRY");
    private final Credential credential = new Credential(env.get("TEST_REGISTRY_USER"), env.get("TEST_REGISTRY_PASSWORD"));
    private final String image = env.get("TEST_IMAGE_FIVE_LAYERS");
    private final Path accessLog = Path.of(env.get("TEST_STACK_DIR"), "reg", "registry.log");
    private final DockerEngine engine = DockerEngine.connect(EngineLocation.of(env.get("DOCKER_HOST"), "benchmark"));

    public static void main(String[] args) throws Exception {
        PrivateStack.require(System.getenv());
        RePushInProcess benchmark = new RePushInProcess();
        try {
            benchmark.run(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        } finally {
            benchmark.engine.close();
        }
    }

    private void run(int rounds, int otherPushes) throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String ours = "user-testuser/repush-ours-" + suffix;
        String docker = registry + "/user-testuser/repush-docker-" + suffix;
        String imageId = engine.inspect(image).id();
        Path cache = Files.createTempDirectory("repush-cache");
        recordOfOtherPushes(cache.resolve("pushed-layers.json"), otherPushes);
        List<Double> oursSeconds = new ArrayList<>();
        List<Double> dockerSeconds = new ArrayList<>();
        try (Pusher pusher = new Pusher(Map.of(), cache, cache)) {
            // The first pushes send the layers; one re-push each, untimed, loads our classes and warms the JIT.
            pushOurs(pusher, ours, "0", imageId);
            pushOurs(pusher, ours, "warm", imageId);
            pushDocker(docker, "0");
            pushDocker(docker, "warm");
            for (int round = 1; round <= rounds; round++) {
                String tag = "r" + round;
                // Taking turns, so the machine's other load falls on both alike.
                boolean oursFirst = round % 2 == 1;
                for (int side = 0; side < 2; side++) {
                    long before = requests();
                    if ((side == 0) == oursFirst) {
                        oursSeconds.add(pushOurs(pusher, ours, tag, imageId));
                        metric("repush.ours_s", last(oursSeconds));
                        metric("repush.ours_requests", requests() - before);
                    } else {
                        dockerSeconds.add(pushDocker(docker, tag));
                        metric("repush.docker_s", last(dockerSeconds));
                        metric("repush.docker_requests", requests() - before);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(cache)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        metric("repush.ours_to_docker", median(oursSeconds) / median(dockerSeconds));
    }

    /** Seconds from asking the pusher to its outcome, as the push step sees it. */
    private double pushOurs(Pusher pusher, String repository, String tag, String imageId) throws Exception {
        long start = System.nanoTime();
        pusher.start(engine, registry, true, repository, tag, credential, imageId, new PushProgress(-1))
                .completion().toCompletableFuture().get(2, TimeUnit.MINUTES);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds of {@code docker push} as a user runs it, the CLI's start included (the tag is not timed). */
    private double pushDocker(String repository, String tag) throws IOException, InterruptedException {
        engine.tag(image, repository, tag);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(DOCKER, "push", "--quiet", repository + ":" + tag)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("docker push " + repository + ":" + tag + " exited with " + exit);
        }
        return seconds;
    }

    /** The record as {@code pushed-layers.json} holds it, filled with {@code entries} blobs of other images. */
    private void recordOfOtherPushes(Path file, int entries) throws IOException {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < entries; i++) {
            json.add(String.format(Locale.ROOT, "{\"diffId\":\"sha256:%064x\",\"registry\":\"%s\",\"repository\":"
                    + "\"user-testuser/other-%d\",\"digest\":\"sha256:%064x\",\"size\":%d}", i, registry, i % 50, i + 1, 1L << 20));
        }
        Files.writeString(file, json.toString());
    }

    /** Requests the registry has logged so far. */
    private long requests() throws IOException {
        try (var lines = Files.lines(accessLog)) {
            return lines.filter(line -> REQUEST.matcher(line).find()).count();
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void metric(String name, double value) {
        System.out.printf(Locale.ROOT, "METRIC %s %.3f%n", name, value);
    }

    private static void metric(String name, long count) {
        System.out.printf(Locale.ROOT, "METRIC %s %d%n", name, count);
    }
}
