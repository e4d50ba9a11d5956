package io.github.harborupload.benchmarks;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.PushOperation;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The same push three ways, side by side: through the wizard's engine layer (events into the
 * progress model, a snapshot 20 times a second, as the push step does), by the docker CLI, and by a
 * bare Engine API call with curl. Before every push the registry is emptied (a registry that has the
 * layers makes the engine skip or mount them). The three take turns in a rotating order, so that the
 * machine's other load falls on all of them alike. Prints {@code METRIC} lines for
 * {@code scripts/benchmark.sh}: each push's seconds, and per round the ratios of ours to the others.
 *
 * <p>Arguments: rounds. Reads the private stack from the variables {@code scripts/stack.sh env}
 * prints; empties the registry with {@code scripts/stack.sh empty-registry} (its environment names
 * the private instance). Needs a {@code docker login} in DOCKER_CONFIG for the CLI. Not a test.
 */
public final class PushComparison {

    private enum Way { OURS, CLI, API }

    private static final String DOCKER = "/usr/bin/docker";

    private final Map<String, String> env = System.getenv();
    private final String registry = env.get("TEST_REGISTRY");
    private final Credential credential = new Credential(env.get("TEST_REGISTRY_USER"), env.get("TEST_REGISTRY_PASSWORD"));
    private final String repository = registry + "/bench/five-layers";
    private final String tag = "1";
    private final DockerEngine engine = DockerEngine.connect(EngineLocation.of(env.get("DOCKER_HOST"), "benchmark"));
    private final ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
    /** False during the untimed first pushes, whose details would skew the medians. */
    private boolean recording;

    public static void main(String[] args) throws Exception {
        PrivateStack.require(System.getenv());
        int rounds = Integer.parseInt(args[0]);
        PushComparison comparison = new PushComparison();
        try {
            comparison.run(rounds);
        } finally {
            comparison.engine.close();
            comparison.ui.shutdownNow();
        }
    }

    private void run(int rounds) throws Exception {
        engine.tag(env.get("TEST_IMAGE_FIVE_LAYERS"), repository, tag);
        long bytes = engine.listImages().stream().filter(i -> i.repoTags().contains(repository + ":" + tag))
                .findFirst().orElseThrow().size();
        // One untimed push each: class loading and JIT for ours, caches for the others.
        for (Way way : Way.values()) {
            emptyRegistry();
            push(way, bytes);
        }
        recording = true;
        Way[] ways = Way.values();
        for (int round = 0; round < rounds; round++) {
            Map<Way, Double> seconds = new EnumMap<>(Way.class);
            for (int i = 0; i < ways.length; i++) {
                Way way = ways[(round + i) % ways.length];
                emptyRegistry();
                seconds.put(way, push(way, bytes));
                metric("push." + way.name().toLowerCase(Locale.ROOT) + "_s", seconds.get(way));
            }
            metric("push.ours_to_api", seconds.get(Way.OURS) / seconds.get(Way.API));
            metric("push.ours_to_cli", seconds.get(Way.OURS) / seconds.get(Way.CLI));
        }
    }

    /** Seconds from the request to the end of the stream, checked to have ended with a digest. */
    private double push(Way way, long bytes) throws Exception {
        long start = System.nanoTime();
        switch (way) {
            case OURS -> pushOurs(bytes, start);
            case CLI -> runProcess(List.of(DOCKER, "push", repository + ":" + tag), false);
            case API -> {
                String text = runProcess(List.of("curl", "-sSN", "--fail", "--unix-socket", socket(), "-X", "POST",
                        "-H", "X-Registry-Auth: " + registryAuth(), "-w", "\nFIRST-BYTE %{time_starttransfer}\n",
                        "http://localhost/images/" + repository + "/push?tag=" + tag), true);
                detail("push.api_first_byte_ms", 1000 * Double.parseDouble(text.replaceAll("(?s).*FIRST-BYTE ", "").trim()));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Besides the whole time, the client's own share at both ends: from the request to the first
     * event (to set beside curl's time to the first byte), and from the last event to the outcome.
     */
    private void pushOurs(long bytes, long start) {
        PushProgress progress = new PushProgress(bytes);
        long[] firstAndLast = new long[2];
        PushOperation operation = engine.push(repository, tag, credential, event -> {
            long now = System.nanoTime();
            if (firstAndLast[0] == 0) {
                firstAndLast[0] = now;
            }
            firstAndLast[1] = now;
            progress.accept(event);
        });
        var refresher = ui.scheduleAtFixedRate(progress::snapshot, 50, 50, TimeUnit.MILLISECONDS);
        try {
            PushResult result = operation.await();
            long end = System.nanoTime();
            if (result.digest() == null) {
                throw new IllegalStateException("no digest");
            }
            // The listener runs on one thread and await() saw its last write through the future.
            detail("push.ours_first_event_ms", (firstAndLast[0] - start) / 1e6);
            detail("push.ours_end_lag_ms", (end - firstAndLast[1]) / 1e6);
        } finally {
            refresher.cancel(false);
        }
    }

    /**
     * Runs a command and returns what it printed; with {@code stream}, that must be an engine push
     * stream that ended in a digest.
     */
    private String runProcess(List<String> command, boolean stream) throws IOException, InterruptedException {
        Path output = Files.createTempFile("push", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            Process process = builder.start();
            int exit = process.waitFor();
            String text = Files.readString(output);
            boolean succeeded = exit == 0 && (!stream || (text.contains("\"Digest\"") && !text.contains("errorDetail")));
            if (!succeeded) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private void emptyRegistry() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "scripts/stack.sh", "empty-registry")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("scripts/stack.sh empty-registry failed");
        }
    }

    private String socket() {
        return env.get("DOCKER_HOST").substring("unix://".length());
    }

    /** The X-Registry-Auth header as the docker CLI makes it: base64url of the JSON auth config. */
    private String registryAuth() {
        String json = String.format("{\"username\":\"%s\",\"password\":\"%s\",\"serveraddress\":\"%s\"}",
                credential.username(), credential.password(), registry);
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void detail(String name, double value) {
        if (recording) {
            metric(name, value);
        }
    }

    private static void metric(String name, double value) {
        System.out.printf(Locale.ROOT, "METRIC %s %.3f%n", name, value);
    }
}
