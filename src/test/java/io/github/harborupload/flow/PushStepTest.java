package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.harborupload.docker.LocalImage;
import io.github.harborupload.reference.HarborTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which local tag a successful push offers to remove (issue 15, item 3): the one it made, and never
 * a name that would take the image with it (docker rmi of an image's last name deletes the image).
 */
class PushStepTest {

    private static final String ID = "sha256:3f1a2b3c4d5e00000000000000000000000000000000000000000000000000aa";
    private static final HarborTarget TARGET = new HarborTarget("harbor.example.edu", "user-alice", "pytorch", "v1");
    private static final PushStep STEP = new PushStep(null);

    private static ImageChoice chosen(String name, String... tags) {
        return new ImageChoice(new LocalImage(ID, ID.substring(7, 19), List.of(tags), 1000, Instant.EPOCH), name);
    }

    @Test
    void theTagThePushMadeIsOfferedWhenTheImageKeepsTheNameItWasChosenBy() {
        assertEquals(Optional.of("harbor.example.edu/user-alice/pytorch:v1"),
                STEP.nameToOffer(chosen("pytorch:latest", "pytorch:latest"), TARGET));
    }

    @Test
    void theNameTheImageWasChosenByIsNeverOffered() {
        String link = TARGET.link();
        assertEquals(Optional.empty(), STEP.nameToOffer(chosen(link, link), TARGET));
    }

    @Test
    void anUntaggedImagesOnlyNameIsNeverOffered() {
        assertEquals(Optional.empty(), STEP.nameToOffer(chosen(ID.substring(7, 19)), TARGET));
    }
}
