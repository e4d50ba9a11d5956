package io.github.harborupload.benchmarks;

import io.github.harborupload.docker.PushEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The event sequence dockerd 20.10 sends for a push of many layers, made up in the shape of the
 * captured streams: the repository line, "Preparing" for every layer, "Waiting" for all but the first
 * five, then at most five layers uploading at once (the engine's default), each with a "Pushing"
 * event per ~400 KB sent (the engine sends about 2 to 3 per MB), ending in "Pushed", and the digest
 * line and result item last.
 */
final class GeneratedPushStream {

    private static final int CONCURRENT_UPLOADS = 5;
    private static final long BYTES_PER_EVENT = 400_000;

    private GeneratedPushStream() {
    }

    static List<PushEvent> of(int layers, long bytesPerLayer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ids.add(String.format(Locale.ROOT, "%012x", random.nextLong() >>> 16));
        }
        List<PushEvent> events = new ArrayList<>();
        events.add(PushEvent.status(null, "The push refers to repository [127.0.0.1:5000/bench/many-layers]"));
        ids.forEach(id -> events.add(PushEvent.status(id, "Preparing")));
        ids.stream().skip(CONCURRENT_UPLOADS).forEach(id -> events.add(PushEvent.status(id, "Waiting")));

        long[] sent = new long[layers];
        int next = Math.min(CONCURRENT_UPLOADS, layers);
        List<Integer> uploading = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            uploading.add(i);
        }
        while (!uploading.isEmpty()) {
            int slot = random.nextInt(uploading.size());
            int layer = uploading.get(slot);
            // Compressed bytes against the uncompressed total: the last event may pass the total.
            sent[layer] += BYTES_PER_EVENT / 2 + random.nextLong(BYTES_PER_EVENT);
            events.add(PushEvent.progress(ids.get(layer), sent[layer], bytesPerLayer));
            if (sent[layer] >= bytesPerLayer) {
                events.add(PushEvent.status(ids.get(layer), "Pushed"));
                uploading.remove(slot);
                if (next < layers) {
                    uploading.add(next++);
                }
            }
        }
        String digest = "sha256:" + "ab".repeat(32);
        events.add(PushEvent.status(null, "1: digest: " + digest + " size: 9013"));
        events.add(PushEvent.result(digest, 9013));
        return events;
    }
}
