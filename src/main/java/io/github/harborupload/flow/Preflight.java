package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.harbor.HarborCheck;
import io.github.harborupload.harbor.HarborClient;
import io.github.harborupload.harbor.HarborException;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.registry.RegistryEndpoint;
import java.util.Optional;

/**
 * What is worth knowing before a push, asked of Harbor's own API: is there room in the project,
 * and is the tag already taken. A registry without that API (or an answer that cannot be read)
 * skips a check rather than stopping the push; the platform's quota stands in when signed in.
 */
public final class Preflight {

    /**
     * @param quota      the project's storage quota, or a skipped check
     * @param tagExists  whether the target's tag is already in Harbor, or a skipped check
     * @param imageBytes the local image's size
     */
    public record Report(HarborCheck<StorageQuota> quota, HarborCheck<Boolean> tagExists, long imageBytes) {

        /** The project has less room left than the image's size. */
        public boolean roomShort() {
            return quota.isAnswered() && !quota.value().fits(imageBytes);
        }

        public boolean tagTaken() {
            return tagExists.isAnswered() && tagExists.value();
        }
    }

    private Preflight() {
    }

    /**
     * Blocking: two HTTP calls to Harbor (three for an insecure registry, asked first whether it
     * speaks https), and one to the platform when Harbor cannot tell the quota.
     *
     * @param registry the target's registry, reached as the push reaches it
     */
    public static Report check(HarborTarget target, RegistryEndpoint registry, Credential credential, long imageBytes,
                               Optional<PlatformSession> platform) {
        HarborCheck<StorageQuota> quota;
        HarborCheck<Boolean> tagExists;
        try {
            HarborClient harbor = HarborClient.forRegistry(registry, credential);
            quota = ask(() -> harbor.projectQuota(target.project()));
            tagExists = ask(() -> harbor.artifactExists(target.project(), target.repository(), target.tag()));
        } catch (HarborException e) {
            quota = HarborCheck.failed(e);
            tagExists = HarborCheck.failed(e);
        }
        if (!quota.isAnswered() && platform.isPresent()) {
            quota = platformQuota(platform.get()).orElse(quota);
        }
        return new Report(quota, tagExists, imageBytes);
    }

    private static Optional<HarborCheck<StorageQuota>> platformQuota(PlatformSession platform) {
        try {
            return platform.quota().map(HarborCheck::answered);
        } catch (PlatformException e) {
            return Optional.empty();
        }
    }

    private interface HarborCall<T> {
        HarborCheck<T> call() throws HarborException;
    }

    private static <T> HarborCheck<T> ask(HarborCall<T> call) {
        try {
            return call.call();
        } catch (HarborException e) {
            return HarborCheck.failed(e);
        } catch (IllegalArgumentException e) {
            return HarborCheck.skipped(e.getMessage());
        }
    }
}
