package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetSuggesterTest {

    private static final String HARBOR = "gpu-harbor.act.buaa.edu.cn";
    private static final String ID = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void theGuidesExampleShape() {
        assertSuggests("nvcr.io/nvidia/pytorch:24.12-py3", "gpu-harbor.act.buaa.edu.cn/user-alice/nvidia-pytorch:24.12-py3");
    }

    @Test
    void uppercaseAndUnderscoresAreMadeValid() {
        assertSuggests("My_Project/Train:V1", "gpu-harbor.act.buaa.edu.cn/user-alice/my_project-train:V1");
    }

    @Test
    void anImageWithoutANameIsNamedAfterItsId() {
        assertSuggests("<none>:<none>", "gpu-harbor.act.buaa.edu.cn/user-alice/image-0123456789ab:latest");
        assertSuggests(null, "gpu-harbor.act.buaa.edu.cn/user-alice/image-0123456789ab:latest");
        assertEquals("image", TargetSuggester.suggest(null, null, "alice", HARBOR).repository());
        assertEquals("image", TargetSuggester.suggest("  ", "", "alice", HARBOR).repository());
    }

    @Test
    void noTagMeansLatest() {
        assertSuggests("ubuntu", "gpu-harbor.act.buaa.edu.cn/user-alice/ubuntu:latest");
        assertSuggests("ubuntu:<none>", "gpu-harbor.act.buaa.edu.cn/user-alice/ubuntu:latest");
    }

    @Test
    void dockerHubsLibraryPrefixIsDropped() {
        assertSuggests("library/ubuntu:22.04", "gpu-harbor.act.buaa.edu.cn/user-alice/ubuntu:22.04");
        assertSuggests("docker.io/library/ubuntu:22.04", "gpu-harbor.act.buaa.edu.cn/user-alice/ubuntu:22.04");
        assertSuggests("nvcr.io/library/x:1", "gpu-harbor.act.buaa.edu.cn/user-alice/library-x:1");
    }

    @Test
    void theDomainAndItsPortAreNotPartOfTheName() {
        assertSuggests("127.0.0.1:5000/x/y:1", "gpu-harbor.act.buaa.edu.cn/user-alice/x-y:1");
        assertSuggests("localhost/tools:2", "gpu-harbor.act.buaa.edu.cn/user-alice/tools:2");
    }

    @Test
    void theLocalTestStack() {
        HarborTarget target = TargetSuggester.suggest("local/five-layers:1", null, "testuser", "127.0.0.1:5000");
        assertEquals("127.0.0.1:5000/user-testuser/local-five-layers:1", target.link());
        assertTrue(target.validate().isValid());
    }

    /** Issue 15, item 3: a push leaves HOST/user-NAME/repo:tag behind; picking it proposed user-NAME/user-NAME-repo. */
    @Test
    void aTagAnEarlierPushLeftIsNamedByItsRepository() {
        assertSuggests("gpu-harbor.act.buaa.edu.cn/user-alice/nvidia-pytorch:24.12-py3",
                "gpu-harbor.act.buaa.edu.cn/user-alice/nvidia-pytorch:24.12-py3");
        assertSuggests("GPU-Harbor.act.buaa.edu.cn/user-bob/train:1", "gpu-harbor.act.buaa.edu.cn/user-alice/train:1");
        // Another registry's project is part of where the image came from, and only user-<name> is ours.
        assertSuggests("other-harbor.example.org/user-bob/train:1", "gpu-harbor.act.buaa.edu.cn/user-alice/user-bob-train:1");
        assertSuggests("gpu-harbor.act.buaa.edu.cn/lab/train:1", "gpu-harbor.act.buaa.edu.cn/user-alice/lab-train:1");
        assertTrue(TargetSuggester.isEarlierUpload("gpu-harbor.act.buaa.edu.cn/user-bob/train:1", HARBOR));
        assertFalse(TargetSuggester.isEarlierUpload("other-harbor.example.org/user-bob/train:1", HARBOR));
        assertFalse(TargetSuggester.isEarlierUpload("gpu-harbor.act.buaa.edu.cn/user-bob:1", HARBOR), "a repository named user-bob");
    }

    @Test
    void badSeparatorsAndCharactersAreCleanedUp() {
        assertEquals("team-a-b-c", TargetSuggester.suggest("Team/A..B/__c__:x", null, "alice", HARBOR).repository());
        assertEquals("c", TargetSuggester.suggest("A..B/__c__:x", null, "alice", HARBOR).repository(),
                "a first component with a dot is a domain, as docker reads it");
        assertEquals("py-torch", TargetSuggester.suggest("py torch#", null, "alice", HARBOR).repository());
        assertEquals("x__y.z", TargetSuggester.suggest("x__y.z", null, "alice", HARBOR).repository());
        assertEquals("image-0123456789ab", TargetSuggester.suggest("模型", ID, "alice", HARBOR).repository());
    }

    @Test
    void tagsAreKeptWhenValidAndCleanedWhenNot() {
        assertEquals("24.12-py3", tagOf("x:24.12-py3"));
        assertEquals("V1_RC", tagOf("x:V1_RC"));
        assertEquals("v1-cu118", tagOf("x:v1+cu118"));
        assertEquals("rc", tagOf("x:-rc."));
        assertEquals("latest", tagOf("x:..."));
        assertEquals("latest", tagOf("x:"));
        assertEquals(128, TargetSuggester.cleanTag("t".repeat(200)).length());
        assertEquals(88, tagOf("x:" + "t".repeat(200)).length(), "what the link's 128 characters leave");
    }

    @Test
    void theUsernameIsLowercasedForTheProject() {
        assertEquals("user-alice", TargetSuggester.suggest("x", null, " Alice ", HARBOR).project());
    }

    @Test
    void aLongPathFallsBackToItsLastComponent() {
        String path = "some-org/" + "deeply-nested-group/".repeat(5) + "trainer";
        HarborTarget target = TargetSuggester.suggest("ghcr.io/" + path + ":v2", null, "alice", HARBOR);
        assertEquals("trainer", target.repository());
        assertEquals("v2", target.tag());
    }

    @Test
    void aNameTooLongForTheLinkIsCutToFit() {
        HarborTarget longName = TargetSuggester.suggest("n".repeat(300) + ":v1", null, "alice", HARBOR);
        assertEquals(128, longName.link().length());
        assertEquals("v1", longName.tag());
        assertTrue(longName.validate().isValid(), longName.validate().toString());

        HarborTarget longBoth = TargetSuggester.suggest("n".repeat(300) + ":" + "t".repeat(120), null, "alice", HARBOR);
        assertEquals(128, longBoth.link().length());
        assertTrue(longBoth.repository().length() >= 40 && longBoth.tag().length() >= 40, longBoth.link());
        assertTrue(longBoth.validate().isValid());
    }

    @Test
    void cuttingNeverLeavesASeparatorAtTheEnd() {
        String name = "ab".repeat(40) + "-" + "cd".repeat(40);
        for (int extra = 0; extra < 30; extra++) {
            HarborTarget target = TargetSuggester.suggest("x".repeat(extra) + name + ":v1.2.3", null, "alice", HARBOR);
            assertTrue(target.validate().isValid(), target.link());
        }
    }

    @Test
    void anInvalidUsernameOrRegistryIsTheReasonGiven() {
        Validation badUser = TargetSuggester.suggest("x:1", null, "bad name", HARBOR).validate();
        assertEquals(List.of(Rule.PROJECT_INVALID), badUser.errors().stream().map(Violation::rule).toList());
        Validation badRegistry = TargetSuggester.suggest("x:1", null, "alice", "https://gpu-harbor/").validate();
        assertEquals(List.of(Rule.REGISTRY_INVALID), badRegistry.errors().stream().map(Violation::rule).toList());
        Validation noUser = TargetSuggester.suggest("x:1", null, null, HARBOR).validate();
        assertFalse(noUser.isValid());
    }

    private static String tagOf(String localName) {
        HarborTarget target = TargetSuggester.suggest(localName, null, "alice", HARBOR);
        assertTrue(target.validate().isValid(), target.link());
        return target.tag();
    }

    private static void assertSuggests(String localName, String link) {
        HarborTarget target = TargetSuggester.suggest(localName, ID, "alice", HARBOR);
        assertEquals(link, target.link());
        assertEquals(List.of(), target.validate().violations(), link);
    }
}
