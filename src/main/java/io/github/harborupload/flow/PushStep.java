package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushOperation;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.pusher.PushJob;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.registry.RegistryException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Step 4: send the tagged image to Harbor, with progress. */
public final class PushStep {

    private final Services services;

    public PushStep(Services services) {
        this.services = services;
    }

    /**
     * Starts the push and returns at once. The image's size lets the overall bar estimate layers
     * whose size is not known yet. The computer stays awake until the push ends, however it ends.
     * A push that cannot even start (the registry's CA files unreadable) fails as a running one would.
     */
    public PushRun start(HarborTarget target, Credential credential, ImageChoice image, PushMethod method) {
        PushRun run = begin(target, credential, image, method);
        services.sleepInhibitor().holdUntil(run.completion());
        return run;
    }

    /**
     * The local name the push gave its image ({@code HOST/user-x/repo:tag}), which the user may
     * remove once it is in Harbor (issue 15, item 3: every push left one behind). Only when the
     * image was chosen by another name, which keeps it: never the name it was chosen by, never an
     * untagged image's only name.
     */
    public Optional<String> nameToOffer(ImageChoice image, HarborTarget target) {
        return image.isTagged() && !image.name().equals(target.link()) ? Optional.of(target.link()) : Optional.empty();
    }

    /** Removes that name from the local image; false when the engine found it to be the image's last (it stays). */
    public boolean removeName(String name) {
        return services.engine().removeName(name);
    }

    private PushRun begin(HarborTarget target, Credential credential, ImageChoice image, PushMethod method) {
        PushProgress progress = new PushProgress(image.image().size());
        if (method == PushMethod.ENGINE) {
            PushOperation operation = services.engine().push(target.imageName(), target.tag(), credential, progress::accept);
            return new PushRun(target, progress, recorded(operation.completion(), target, image), operation::cancel);
        }
        boolean insecure = RegistryAccess.isInsecure(services, target.registry());
        try {
            PushJob job = services.pusher().start(services.engine(), target.registry(), insecure,
                    target.project() + "/" + target.repository(), target.tag(), credential, image.image().id(), progress);
            return new PushRun(target, progress, recorded(job.completion(), target, image), job::cancel, job::pause);
        } catch (RegistryException e) {
            return new PushRun(target, progress, CompletableFuture.failedFuture(e), () -> { });
        }
    }

    /**
     * The push's outcome, completing only once a success is in the history of uploads, so that a
     * face that shows the history after the push finds it there.
     */
    private CompletionStage<PushResult> recorded(CompletionStage<PushResult> completion, HarborTarget target, ImageChoice image) {
        return completion.thenApply(result -> {
            services.uploadHistory().recordPush(image.name(), target.link(), result.digest(), Instant.now());
            return result;
        });
    }
}
