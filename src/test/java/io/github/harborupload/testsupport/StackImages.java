package io.github.harborupload.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Test-side helper on the shared daemon: makes images and tags for the integration tests and
 * removes exactly those afterwards, nothing else.
 *
 * <p>Why fresh images: once any image's layers are in the registry, the engine mounts them into
 * a new repository ("Mounted from …") instead of uploading them, so the stack's five-layer image
 * shows no "Pushing" after its first push. Tests about upload progress and cancelling need layers
 * the registry has never seen: random ones, made per run.
 *
 * <p>Each call connects afresh: a fault test may have restarted the daemon since the last one, and
 * a pooled connection to the old daemon would break on the first write.
 */
public final class StackImages implements AutoCloseable {

    private final DockerClientConfig config;
    private final List<String> tags = new ArrayList<>();
    private final List<String> builtImages = new ArrayList<>();

    public StackImages(TestStack stack) {
        config = new DefaultDockerClientConfig.Builder().withDockerHost(stack.dockerHost()).build();
    }

    private DockerClient connect() {
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }

    /**
     * Builds {@code repository:1} from scratch with {@code layers} layers of random bytes each.
     *
     * @return the image's name, {@code repository:1}
     */
    public String buildRandom(String repository, int layers, int bytesPerLayer, Path workDir) throws IOException {
        int[] sizes = new int[layers];
        Arrays.fill(sizes, bytesPerLayer);
        return buildLayers(repository, workDir, sizes);
    }

    /**
     * Builds {@code repository:1} from scratch with one layer of random bytes per size given, in
     * that order. A small layer beside big ones is in the registry while the big ones still upload.
     *
     * @return the image's name, {@code repository:1}
     */
    public String buildLayers(String repository, Path workDir, int... layerBytes) throws IOException {
        StringBuilder dockerfile = new StringBuilder("FROM scratch\n");
        SplittableRandom random = new SplittableRandom();
        byte[] block = new byte[1 << 20];
        for (int layer = 0; layer < layerBytes.length; layer++) {
            String file = "layer" + layer + ".bin";
            try (OutputStream out = Files.newOutputStream(workDir.resolve(file))) {
                for (int written = 0; written < layerBytes[layer]; written += block.length) {
                    random.nextBytes(block);
                    out.write(block, 0, Math.min(block.length, layerBytes[layer] - written));
                }
            }
            dockerfile.append("COPY ").append(file).append(" /").append(file).append('\n');
        }
        Files.writeString(workDir.resolve("Dockerfile"), dockerfile);
        String name = repository + ":1";
        try (DockerClient docker = connect()) {
            String id = docker.buildImageCmd(workDir.toFile())
                    .withTags(Set.of(name))
                    .withPull(false)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(120, TimeUnit.SECONDS);
            builtImages.add(id);
        }
        return name;
    }

    /**
     * How many times dockerd exported (saved) the image since {@code since}, from the engine's own
     * event log ({@code docker events --filter event=save}): whether a push read the image at all.
     */
    public int exportsSince(String imageId, Instant since) throws InterruptedException, IOException {
        List<Event> saves = new ArrayList<>();
        try (DockerClient docker = connect()) {
            docker.eventsCmd()
                    .withSince(String.valueOf(since.getEpochSecond()))
                    .withUntil(String.valueOf(Instant.now().getEpochSecond() + 1))
                    .withEventFilter("save")
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            saves.add(event);
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        }
        return (int) saves.stream().filter(event -> imageId.equals(event.getId()) || imageId.equals(actorId(event))).count();
    }

    private static String actorId(Event event) {
        return event.getActor() == null ? null : event.getActor().getId();
    }

    /** Notes a tag a test made on a shared image, to remove it (only the tag) afterwards. */
    public void removeLater(String reference) {
        tags.add(reference);
    }

    @Override
    public void close() throws IOException {
        try (DockerClient docker = connect()) {
            for (String tag : tags) {
                try {
                    docker.removeImageCmd(tag).withForce(false).exec();
                } catch (NotFoundException alreadyGone) {
                    // the test failed before it made the tag
                }
            }
            for (String id : builtImages) {
                try {
                    docker.removeImageCmd(id).withForce(true).exec();
                } catch (NotFoundException alreadyGone) {
                    // removed with its last tag
                }
            }
        }
    }
}
