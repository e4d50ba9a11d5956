package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HarborTargetTest {

    private static final String HARBOR = "gpu-harbor.act.buaa.edu.cn";

    @Test
    void linkAndImageName() {
        HarborTarget target = new HarborTarget(HARBOR, "user-liuyizhou", "nvidia-pytorch", "24.12-v1.2.2");
        assertEquals("gpu-harbor.act.buaa.edu.cn/user-liuyizhou/nvidia-pytorch:24.12-v1.2.2", target.link());
        assertEquals("gpu-harbor.act.buaa.edu.cn/user-liuyizhou/nvidia-pytorch", target.imageName());
        assertEquals(List.of(), target.validate().violations());
    }

    @Test
    void projectOfAUser() {
        assertEquals("user-alice", HarborTarget.projectFor("alice"));
        assertEquals("user-alice", HarborTarget.projectFor(" Alice "));
    }

    @Test
    void acceptedTargets() {
        for (HarborTarget target : List.of(
                target("user-alice", "pytorch", "v1"),
                target("user-alice", "a/b/c", "latest"),
                target("user-a.b_c", "x__y.z---w", "_"),
                target("user-alice", "x", "V1.0_RC-2"),
                new HarborTarget("10.0.0.1", "user-alice", "x", "1"))) {
            assertEquals(List.of(), target.validate().violations(), target.link());
            assertTrue(target.validate().isValid());
        }
    }

    @Test
    void aRegistryWithAPortPassesWithAWarningOnly() {
        assertTrue(new HarborTarget("harbor.example.com:8443", "user-alice", "x", "1").validate().isValid());
        Validation validation = new HarborTarget("127.0.0.1:5000", "user-testuser", "local-tiny", "1").validate();
        assertTrue(validation.isValid());
        assertEquals(List.of(Rule.LINK_NOT_ACCEPTED_BY_PLATFORM_FORM), rules(validation));
        assertFalse(validation.warnings().get(0).isError());
        assertTrue(Messages.english(validation.warnings().get(0)).contains("port"));
    }

    @Test
    void thePlatformFormWarningWaitsUntilTheErrorsAreFixed() {
        Validation validation = new HarborTarget("127.0.0.1:5000", "user-testuser", "Local", "1").validate();
        assertEquals(List.of(Rule.REPOSITORY_UPPERCASE), rules(validation));
    }

    @Test
    void rejectedTargetsSayWhy() {
        assertBreaks(new HarborTarget("", "user-alice", "x", "1"), Rule.REGISTRY_EMPTY);
        assertBreaks(new HarborTarget("https://gpu-harbor.act.buaa.edu.cn/", "user-alice", "x", "1"), Rule.REGISTRY_INVALID);
        assertBreaks(new HarborTarget("gpu_harbor", "user-alice", "x", "1"), Rule.REGISTRY_INVALID);
        assertBreaks(new HarborTarget("host:port", "user-alice", "x", "1"), Rule.REGISTRY_INVALID);
        assertBreaks(target("", "x", "1"), Rule.PROJECT_EMPTY);
        assertBreaks(target("user-Alice", "x", "1"), Rule.PROJECT_INVALID);
        assertBreaks(target("user--alice", "x", "1"), Rule.PROJECT_INVALID);
        assertBreaks(target("user-alice", "", "1"), Rule.REPOSITORY_EMPTY);
        assertBreaks(target("user-alice", "PyTorch", "1"), Rule.REPOSITORY_UPPERCASE);
        assertBreaks(target("user-alice", "py#torch", "1"), Rule.REPOSITORY_ILLEGAL_CHARACTER);
        assertBreaks(target("user-alice", "py torch", "1"), Rule.REPOSITORY_ILLEGAL_CHARACTER);
        assertBreaks(target("user-alice", "pytorch.", "1"), Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks(target("user-alice", "_pytorch", "1"), Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks(target("user-alice", "py..torch", "1"), Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks(target("user-alice", "a//b", "1"), Rule.REPOSITORY_BAD_SEPARATOR);
        assertBreaks(target("user-alice", "x", ""), Rule.TAG_EMPTY);
        assertBreaks(target("user-alice", "x", ".v1"), Rule.TAG_BAD_FIRST_CHARACTER);
        assertBreaks(target("user-alice", "x", "v1+cu118"), Rule.TAG_ILLEGAL_CHARACTER);
        assertBreaks(target("user-alice", "x", "v1-"), Rule.TAG_BAD_LAST_CHARACTER);
        assertBreaks(target("user-alice", "x", "v1."), Rule.TAG_BAD_LAST_CHARACTER);
        assertBreaks(target("user-alice", "x", "-"), Rule.TAG_BAD_FIRST_CHARACTER, Rule.TAG_BAD_LAST_CHARACTER);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        HarborTarget target = new HarborTarget("https://x/", "User", "My Repo.", "-v1+");
        assertEquals(List.of(Rule.REGISTRY_INVALID, Rule.PROJECT_INVALID, Rule.REPOSITORY_UPPERCASE,
                Rule.REPOSITORY_ILLEGAL_CHARACTER, Rule.REPOSITORY_BAD_SEPARATOR, Rule.TAG_BAD_FIRST_CHARACTER,
                Rule.TAG_ILLEGAL_CHARACTER), rules(target.validate()));
        assertEquals(List.of(Rule.REPOSITORY_UPPERCASE, Rule.REPOSITORY_ILLEGAL_CHARACTER, Rule.REPOSITORY_BAD_SEPARATOR),
                target.validate().about(Rule.Part.REPOSITORY).stream().map(Violation::rule).toList());
    }

    @Test
    void nullPartsCountAsEmpty() {
        assertEquals(List.of(Rule.REGISTRY_EMPTY, Rule.PROJECT_EMPTY, Rule.REPOSITORY_EMPTY, Rule.TAG_EMPTY),
                rules(new HarborTarget(null, null, null, null).validate()));
    }

    @Test
    void messagesNameTheOffendingPart() {
        assertMessage(target("user-alice", "My_Repo", "1"), "must be lowercase: use \"my_repo\"", "可以改为“my_repo”");
        assertMessage(target("user-alice", "py#torch", "1"), "\"#\" is not allowed", "不能包含“#”");
        assertMessage(target("user-alice", "py torch", "1"), "a space is not allowed", "不能包含空格");
        assertMessage(target("user-alice", "py\u200Btorch", "1"), "invisible character (U+200B)", "U+200B");
        assertMessage(target("user-alice", "py._torch", "1"), "\"._\" cannot join", "“._”");
        assertMessage(target("user-alice", "x", "版本1"), "\"版\" is not allowed", "不能包含“版”");
        assertMessage(target("user-alice", "x", "v1-"), "must not end with \"-\"", "不能以“-”结尾");
        assertMessage(target("User-Alice", "x", "1"), "\"User-Alice\"", "“User-Alice”");
        assertMessage(new HarborTarget("https://h/", "user-a", "x", "1"), "\"https://h/\" is not a registry", "“https://h/”");
    }

    @Test
    void theLowercaseFormOfferedIsItselfValid() {
        Violation uppercase = target("user-alice", "My Repo./X__.y", "1").validate().errors().get(0);
        assertEquals(Rule.REPOSITORY_UPPERCASE, uppercase.rule());
        assertTrue(Messages.english(uppercase).contains("use \"my-repo/x-y\""), Messages.english(uppercase));
        assertTrue(target("user-alice", "my-repo/x-y", "1").validate().isValid());
    }

    @Test
    void linkLengthBoundary() {
        String prefix = HARBOR + "/user-alice/";
        String repository128 = "r".repeat(128 - prefix.length() - ":v1".length());
        HarborTarget fits = target("user-alice", repository128, "v1");
        assertEquals(128, fits.link().length());
        assertEquals(List.of(), fits.validate().violations());

        HarborTarget over = target("user-alice", repository128 + "r", "v1");
        assertEquals(129, over.link().length());
        assertEquals(List.of(Rule.LINK_TOO_LONG), rules(over.validate()));
        String message = Messages.english(over.validate().errors().get(0));
        assertTrue(message.contains("129 characters") && message.contains("at most 128") && message.contains("by 1 "), message);
        assertTrue(Messages.chinese(over.validate().errors().get(0)).contains("缩短 1 个字符"));
    }

    @Test
    void tagLengthBoundary() {
        // A 128-character tag is a valid tag, though the link then passes 128 characters.
        Validation tag128 = target("user-alice", "x", "t".repeat(128)).validate();
        assertFalse(tag128.breaks(Rule.TAG_TOO_LONG));
        assertTrue(tag128.breaks(Rule.LINK_TOO_LONG));
        Validation tag129 = target("user-alice", "x", "t".repeat(129)).validate();
        assertTrue(tag129.breaks(Rule.TAG_TOO_LONG));
        assertTrue(Messages.english(tag129.about(Rule.Part.TAG).get(0)).contains("129 characters"));
    }

    @Test
    void projectLengthBoundary() {
        // Harbor's projectNameMaxLen; the link is too long long before, but each rule holds on its own.
        String project255 = "p".repeat(255);
        assertFalse(target(project255, "r", "1").validate().breaks(Rule.PROJECT_TOO_LONG));
        assertTrue(target(project255 + "p", "r", "1").validate().breaks(Rule.PROJECT_TOO_LONG));
    }

    @Test
    void aVeryLongNameGivesOneReasonNotTwo() {
        // distribution's 255 for project/repository is passed too, but the link's 128 is what to fix.
        assertEquals(List.of(Rule.LINK_TOO_LONG), rules(target("user-alice", "r".repeat(300), "1").validate()));
    }

    @Test
    void aLongProjectNameIsShortenedInItsMessage() {
        Validation validation = target("User" + "x".repeat(300), "r", "1").validate();
        assertTrue(validation.breaks(Rule.PROJECT_TOO_LONG));
        String message = Messages.english(validation.about(Rule.Part.PROJECT).get(1));
        assertTrue(message.length() < 250, message);
        assertTrue(message.contains("…"));
    }

    private static HarborTarget target(String project, String repository, String tag) {
        return new HarborTarget(HARBOR, project, repository, tag);
    }

    private static List<Rule> rules(Validation validation) {
        return validation.violations().stream().map(Violation::rule).toList();
    }

    private static void assertBreaks(HarborTarget target, Rule... expected) {
        Validation validation = target.validate();
        assertEquals(List.of(expected), rules(validation), target.link());
        assertFalse(validation.isValid(), target.link());
        validation.violations().forEach(v -> {
            Messages.english(v);
            Messages.chinese(v);
        });
    }

    private static void assertMessage(HarborTarget target, String english, String chinese) {
        Violation violation = target.validate().errors().get(0);
        assertTrue(Messages.english(violation).contains(english), Messages.english(violation));
        assertTrue(Messages.chinese(violation).contains(chinese), Messages.chinese(violation));
    }

    /** docker reads a single-label first component as a Docker Hub namespace (distribution/reference normalize.go splitDockerDomain). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"harbor", "myregistry", "a"})
    void aSingleLabelRegistryIsRefused(String registry) {
        assertTrue(HarborTarget.checkRegistry(registry).breaks(Rule.REGISTRY_SINGLE_LABEL));
        assertTrue(new HarborTarget(registry, "user-alice", "app", "v1").validate().breaks(Rule.REGISTRY_SINGLE_LABEL));
    }

    @Test
    void aCapitalisedSingleLabelIsRefusedWithDockersOwnReading() {
        // normalize.go splitDockerDomain: capitals make "Harbor" a host to docker, "harbor" a Docker Hub name.
        Violation capitals = HarborTarget.checkRegistry("Harbor").errors().get(0);
        assertEquals(Rule.REGISTRY_SINGLE_LABEL, capitals.rule());
        assertTrue(Messages.english(capitals).contains("capital"), Messages.english(capitals));
        assertTrue(Messages.chinese(capitals).contains("大写"), Messages.chinese(capitals));
        assertTrue(Messages.english(HarborTarget.checkRegistry("harbor").errors().get(0)).contains("Docker Hub"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"localhost", "harbor:5000", "gpu-harbor.act.buaa.edu.cn", "127.0.0.1"})
    void registriesDockerReadsAsRegistriesPass(String registry) {
        assertTrue(HarborTarget.checkRegistry(registry).isValid());
    }
}
