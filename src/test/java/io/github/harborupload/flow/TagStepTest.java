package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.LocalImage;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules a face with typed names needs: which local image a name means, and a target typed as one link. */
class TagStepTest {

    private static final LocalImage PYTORCH = image("sha256:3f1a2b3c4d5e00000000000000000000000000000000000000000000000000aa",
            "nvcr.io/nvidia/pytorch:24.12-py3", "pytorch:latest");
    private static final LocalImage UNTAGGED = image("sha256:3f1a99990000000000000000000000000000000000000000000000000000bbbb");
    private static final List<ImageChoice> IMAGES = ImageChoice.of(List.of(PYTORCH, UNTAGGED));

    private static LocalImage image(String id, String... tags) {
        return new LocalImage(id, id.substring(7, 19), List.of(tags), 1000, Instant.EPOCH);
    }

    @Test
    void aNameFindsTheChoiceOfThatName() {
        assertEquals(Optional.of(new ImageChoice(PYTORCH, "nvcr.io/nvidia/pytorch:24.12-py3")),
                TagStep.find(IMAGES, "nvcr.io/nvidia/pytorch:24.12-py3"));
    }

    @Test
    void aNameWithoutTagMeansLatest() {
        assertEquals(Optional.of(new ImageChoice(PYTORCH, "pytorch:latest")), TagStep.find(IMAGES, "pytorch"));
        assertEquals(Optional.empty(), TagStep.find(IMAGES, "nvcr.io/nvidia/pytorch"));
    }

    @Test
    void anIdOrItsUnambiguousStartFindsTheImage() {
        assertEquals(Optional.of(UNTAGGED), TagStep.find(IMAGES, "3f1a9999").map(ImageChoice::image));
        assertEquals(Optional.of(UNTAGGED), TagStep.find(IMAGES, UNTAGGED.id()).map(ImageChoice::image));
        assertEquals(Optional.of(PYTORCH), TagStep.find(IMAGES, "sha256:3f1a2b").map(ImageChoice::image));
    }

    @Test
    void anAmbiguousOrUnknownNameFindsNothing() {
        assertEquals(Optional.empty(), TagStep.find(IMAGES, "3f1a"), "two images start with 3f1a");
        assertEquals(Optional.empty(), TagStep.find(IMAGES, "tensorflow:2"));
        assertEquals(Optional.empty(), TagStep.find(IMAGES, " "));
    }

    /** Issue 15, item 2: a proposed project follows a changed login; one the user typed stays. */
    @Test
    void theProposedProjectFollowsTheLoginUnlessTyped() {
        UploadSession session = new UploadSession();
        session.setRegistry("127.0.0.1:5000");
        session.loggedIn(new Credential("alice", "pw"), null);
        TagStep.propose(session, IMAGES.get(0));
        assertEquals("user-alice", session.project());

        session.loggedIn(new Credential("bob", "pw"), null);
        TagStep.followLogin(session);
        assertEquals("user-bob", session.project());

        session.setProject("lab-shared");
        session.loggedIn(new Credential("alice", "pw"), null);
        TagStep.followLogin(session);
        TagStep.propose(session, IMAGES.get(1));
        assertEquals("lab-shared", session.project());
    }

    @Test
    void aLinkIsCutIntoTheTargetParts() {
        assertEquals(new HarborTarget("127.0.0.1:5000", "user-alice", "lab/train", "v1.2"),
                TagStep.targetOf("127.0.0.1:5000/user-alice/lab/train:v1.2"));
    }

    @Test
    void missingPartsStayEmptySoValidationNamesThem() {
        HarborTarget noTag = TagStep.targetOf("gpu-harbor.act.buaa.edu.cn/user-alice/train");
        assertEquals("", noTag.tag());
        assertTrue(noTag.validate().breaks(Rule.TAG_EMPTY));
        HarborTarget noProject = TagStep.targetOf("train:v1");
        assertTrue(noProject.validate().breaks(Rule.PROJECT_EMPTY));
        assertTrue(noProject.validate().breaks(Rule.REPOSITORY_EMPTY));
    }
}
