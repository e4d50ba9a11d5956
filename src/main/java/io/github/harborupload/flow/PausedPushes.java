package io.github.harborupload.flow;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.EngineException;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.docker.config.DockerConfigException;
import io.github.harborupload.pusher.KeptPushes;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.TargetSuggester;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pushes that paused, failed or were killed and can go on, as the wizard's first step offers
 * them ("Resume the upload of X (62 %)"), and where Resume leads. The command line needs none of
 * this: the same push started again goes on by itself.
 */
public final class PausedPushes {

    /**
     * One push to offer: its target, the local image it pushes (empty when Docker no longer has
     * it: then it can only be discarded), how far it got, and when it last moved.
     */
    public record Offer(String key, HarborTarget target, Optional<ImageChoice> image, double fraction, Instant savedAt) {

        public int percent() {
            // As the push step rounds it, so the offer says what the paused push said.
            return (int) Math.round(fraction * 100);
        }

        /**
         * The image as the user knows it: its own name, or its short ID where Docker knows it only
         * under the names uploads to this Harbor gave it (the offer names the target beside it).
         */
        public Optional<String> imageName() {
            return image.map(choice -> TargetSuggester.isEarlierUpload(choice.name(), target.registry())
                    ? choice.image().shortId() : choice.name());
        }
    }

    /** A stored login the registry accepted again, and where it is kept. */
    public record Login(Credential credential, CredentialStore store) {
    }

    private final Services services;

    public PausedPushes(Services services) {
        this.services = services;
    }

    /**
     * The pushes that can be offered, the newest first; the abandoned ones (older than two weeks)
     * are removed first, so the offer lists only what is kept. Blocking: reads the spool folder and
     * lists the engine's images.
     *
     * @throws EngineException when the engine cannot list its images (nothing could be resumed then)
     */
    public List<Offer> offers() {
        KeptPushes kept = services.pusher().kept();
        kept.removeAbandoned();
        List<KeptPushes.Kept> pushes = kept.list();
        if (pushes.isEmpty()) {
            return List.of();
        }
        List<ImageChoice> images = ImageChoice.of(services.engine().listImages());
        return pushes.stream().map(push -> offer(push, images)).toList();
    }

    private static Offer offer(KeptPushes.Kept push, List<ImageChoice> images) {
        int slash = push.repository().indexOf('/');
        HarborTarget target = new HarborTarget(push.registry(), push.repository().substring(0, Math.max(slash, 0)),
                push.repository().substring(slash + 1), push.tag());
        // The line the push was chosen by is unknown: the image's own names come before the tags
        // uploads to this Harbor gave it.
        Optional<ImageChoice> image = images.stream()
                .filter(choice -> choice.image().id().equals(push.imageId()))
                .min(Comparator.comparing(choice -> TargetSuggester.isEarlierUpload(choice.name(), push.registry())));
        return new Offer(push.key(), target, image, push.fraction(), push.savedAt());
    }

    /**
     * The login a resume can go on with: one Docker keeps for the push's registry and the registry
     * still accepts (a password reset since makes it fail, and the user logs in again). Then the
     * image gets its Harbor name again, as the tag step gives it. Blocking.
     */
    public Optional<Login> storedLogin(Offer offer) {
        String registry = offer.target().registry();
        try {
            Optional<Credential> stored = services.credentials().find(registry);
            if (stored.isEmpty() || offer.image().isEmpty()) {
                return Optional.empty();
            }
            CredentialStore store = new LoginStep(services).login(registry, stored.get(), true);
            services.engine().tag(offer.image().get().image().id(), offer.target().imageName(), offer.target().tag());
            return Optional.of(new Login(stored.get(), store));
        } catch (EngineException | DockerConfigException refused) {
            // The login step says why, with the target kept.
            return Optional.empty();
        }
    }

    /**
     * Puts the offer's push into the session and says where it continues: with a login, the push
     * step, which starts the same push and so goes on; without one, the first step, the target kept
     * for after the login (its project as if typed, so the login does not replace it).
     */
    public static Step resume(UploadSession session, Offer offer, Optional<Login> login) {
        HarborTarget target = offer.target();
        session.setRegistry(target.registry());
        offer.image().ifPresent(session::setImage);
        session.setProject(target.project());
        session.setRepository(target.repository());
        session.setTag(target.tag());
        session.setPush(null);
        if (login.isEmpty()) {
            return Step.CREDENTIALS;
        }
        session.setUsername(login.get().credential().username());
        session.loggedIn(login.get().credential(), login.get().store());
        return Step.PUSH;
    }

    /**
     * Removes the push's state and spool: the same push would start from zero. Blocking.
     *
     * @throws IOException when a file cannot be removed
     */
    public void discard(Offer offer) throws IOException {
        services.pusher().kept().discard(offer.key());
    }
}
