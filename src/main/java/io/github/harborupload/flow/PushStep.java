package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushOperation;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.reference.HarborTarget;

/** Step 4: send the tagged image to Harbor, with progress. */
public final class PushStep {

    private final Services services;

    public PushStep(Services services) {
        this.services = services;
    }

    /**
     * Starts the push and returns at once. The image's size lets the overall bar estimate layers
     * whose size the engine has not announced yet. The computer stays awake until the push ends,
     * however it ends.
     */
    public PushRun start(HarborTarget target, Credential credential, ImageChoice image) {
        PushRun run = begin(target, credential, image);
        services.sleepInhibitor().holdUntil(run.completion());
        return run;
    }

    private PushRun begin(HarborTarget target, Credential credential, ImageChoice image) {
        PushProgress progress = new PushProgress(image.image().size());
        PushOperation operation = services.engine().push(target.imageName(), target.tag(), credential, progress::accept);
        return new PushRun(target, progress, operation);
    }
}
