package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.LocalImage;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.reference.HarborTarget;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the first step's Resume leads (issue 19: "Resume must take the user where the push can continue"). */
class PausedPushesTest {

    private static final String ID = "sha256:" + "ab".repeat(32);
    private static final ImageChoice IMAGE = new ImageChoice(
            new LocalImage(ID, ID.substring(7, 19), List.of("train:v3"), 1000, Instant.EPOCH), "train:v3");
    private static final HarborTarget TARGET = new HarborTarget("harbor.example", "user-lab", "train", "v3");
    private static final PausedPushes.Offer OFFER = new PausedPushes.Offer("k", TARGET, Optional.of(IMAGE), 0.615, Instant.EPOCH);

    @Test
    void withALoginTheSessionHoldsThePushAndResumeGoesStraightToThePushStep() {
        UploadSession session = new UploadSession();
        Credential login = new Credential("ana", "secret-pw");
        Step next = PausedPushes.resume(session, OFFER, Optional.of(new PausedPushes.Login(login,
                CredentialStore.file(Path.of("config.json")))));
        assertEquals(Step.PUSH, next);
        assertEquals(TARGET, session.target());
        assertEquals(Optional.of(IMAGE), session.image());
        assertEquals(Optional.of(login), session.credential());
    }

    @Test
    void withoutALoginTheTargetIsKeptThroughTheLoginOfAnotherAccount() {
        UploadSession session = new UploadSession();
        assertEquals(Step.CREDENTIALS, PausedPushes.resume(session, OFFER, Optional.empty()));
        assertEquals("harbor.example", session.registry());
        assertFalse(session.credential().isPresent());
        // The tag step proposes the logged-in account's project unless one was typed: the kept one stays.
        session.loggedIn(new Credential("bob", "pw"), CredentialStore.file(Path.of("config.json")));
        TagStep.followLogin(session);
        assertEquals(TARGET, session.target());
    }

    @Test
    void thePercentageIsThePushStepsOwn() {
        // PushStepController shows Math.round(fraction * 100): the offer says the same number.
        assertEquals(62, OFFER.percent());
        assertEquals(Optional.of("train:v3"), OFFER.imageName());
        assertTrue(new PausedPushes.Offer("k", TARGET, Optional.empty(), 0, Instant.EPOCH).imageName().isEmpty());
    }
}
