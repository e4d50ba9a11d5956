package io.github.harborupload.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.harbor.HarborCheck;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.SessionTokens;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.reference.HarborTarget;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small rules of the path that both faces rely on. */
class StepRulesTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);

    @Test
    void backFromTheTagStepSkipsTheLoginCheckAndNothingLeadsBackFromTheEnd() {
        UploadSession imported = new UploadSession();
        imported.setImported(true);
        assertEquals(Optional.of(Step.CREDENTIALS), Step.TAG.back(imported));
        assertEquals(Optional.of(Step.CREDENTIALS), Step.LOGIN.back(imported));
        assertEquals(Optional.of(Step.TAG), Step.PUSH.back(imported));
        assertEquals(Optional.of(Step.PUSH), Step.IMPORT.back(imported));
        assertEquals(Optional.empty(), Step.DONE.back(imported));
        assertEquals(Optional.empty(), Step.CREDENTIALS.back(imported));
        assertEquals(Optional.of(Step.LOGIN), Step.CREDENTIALS.next());
        assertEquals(Optional.empty(), Step.DONE.next());
    }

    /** Issue 15, item 1: Done without an import offered no way back to it, and the header ticked it. */
    @Test
    void anImportNotMadeIsNotDoneAndBackLeadsToIt() {
        UploadSession session = new UploadSession();
        assertEquals(Optional.of(Step.IMPORT), Step.DONE.back(session));
        assertFalse(Step.IMPORT.happenedBefore(Step.DONE, session));
        assertTrue(Step.PUSH.happenedBefore(Step.DONE, session));
        assertFalse(Step.DONE.happenedBefore(Step.DONE, session));
        session.setImported(true);
        assertTrue(Step.IMPORT.happenedBefore(Step.DONE, session));
    }

    /** Issue 15, item 7: Esc on an empty first step asked "quit?" about nothing. */
    @Test
    void quittingAsksOnlyWhenSomethingWouldBeLost() {
        UploadSession session = new UploadSession();
        session.setRegistry("gpu-harbor.act.buaa.edu.cn");
        session.setUsername("alice");
        assertFalse(Step.CREDENTIALS.quittingLosesWork(session), "address and username are remembered");
        assertTrue(Step.TAG.quittingLosesWork(session));
        session.setPassword("secret");
        assertTrue(Step.CREDENTIALS.quittingLosesWork(session));
    }

    @Test
    void theDescriptionIsRequiredAndAtMost512Characters() {
        assertTrue(ImportStep.descriptionProblem("  ").isPresent());
        assertEquals(Optional.empty(), ImportStep.descriptionProblem("x".repeat(512)));
        assertTrue(ImportStep.descriptionProblem("x".repeat(513)).isPresent());
        // The platform's column counts characters: 512 Chinese characters fit.
        assertEquals(Optional.empty(), ImportStep.descriptionProblem("镜".repeat(512)));
        assertTrue(ENGLISH.text(ImportStep.descriptionProblem("x".repeat(600)).orElseThrow()).contains("600"));
    }

    @Test
    void theImagesPageIsFoundFromWhateverAddressWasTyped() {
        assertEquals("https://gpu.act.buaa.edu.cn/portal/env/images", ImportStep.imagesPage("gpu.act.buaa.edu.cn"));
        assertEquals("https://gpu.act.buaa.edu.cn/portal/env/images", ImportStep.imagesPage(" https://gpu.act.buaa.edu.cn/ "));
        assertEquals("http://127.0.0.1:5003/portal/env/images", ImportStep.imagesPage("http://127.0.0.1:5003"));
        assertTrue(ImportStep.platformAddressProblem("not an address").isPresent());
        assertEquals(Optional.empty(), ImportStep.platformAddressProblem("gpu.act.buaa.edu.cn"));
    }

    @Test
    void onlyTheHttpsPlatformAddressReachesTheBrowser() {
        // Issue 13, item 6: "Open the image list" handed file://, smb:// and ms-msdt: to the desktop.
        for (String hostile : new String[] {"file:///etc/passwd", "smb://attacker/share", "ms-msdt:/id PCWDiagnostic",
                "javascript:alert(1)", "http://203.0.113.5", "ftp://gpu.act.buaa.edu.cn"}) {
            assertTrue(ImportStep.platformAddressProblem(hostile).isPresent(), hostile);
            assertThrows(IllegalArgumentException.class, () -> ImportStep.imagesPage(hostile), hostile);
        }
        assertEquals("http://203.0.113.5 is plain http: use the platform's https:// address.",
                ENGLISH.text(ImportStep.platformAddressProblem("http://203.0.113.5").orElseThrow()));
        assertEquals("https://gpu.act.buaa.edu.cn/portal/env/images", ImportStep.imagesPage("https://gpu.act.buaa.edu.cn/x?y#z"));
    }

    @Test
    void aPreflightWarnsOnlyWhenHarborAnswered() {
        long image = 3_000_000_000L;
        StorageQuota tight = new StorageQuota(39_000_000_000L, 40_000_000_000L);
        assertTrue(new Preflight.Report(HarborCheck.answered(tight), HarborCheck.answered(false), image).roomShort());
        assertFalse(new Preflight.Report(HarborCheck.answered(new StorageQuota(0, StorageQuota.UNLIMITED)),
                HarborCheck.answered(false), image).roomShort(), "-1 is unlimited");
        Preflight.Report skipped = new Preflight.Report(HarborCheck.skipped("plain registry"),
                HarborCheck.skipped("plain registry"), image);
        assertFalse(skipped.roomShort(), "a registry without Harbor's API does not stop the push");
        assertFalse(skipped.tagTaken());
        assertTrue(new Preflight.Report(HarborCheck.skipped("x"), HarborCheck.answered(true), image).tagTaken());
    }

    @Test
    void thePreparationAsksAboutRoomBeforeTheTagAndNothingWhenAllIsWell() {
        // Issue 14: one "prepare the push" for the wizard, push and upload; the questions come as data, in one order.
        long image = 3_000_000_000L;
        HarborCheck<StorageQuota> tight = HarborCheck.answered(new StorageQuota(39_000_000_000L, 40_000_000_000L));
        HarborCheck<StorageQuota> roomy = HarborCheck.answered(new StorageQuota(0, StorageQuota.UNLIMITED));
        HarborTarget target = new HarborTarget("harbor.example", "user-alice", "torch", "v1");
        assertEquals(List.of(PushPreparation.Question.ROOM_SHORT, PushPreparation.Question.TAG_TAKEN),
                new PushPreparation.Plan(null, target, new Preflight.Report(tight, HarborCheck.answered(true), image)).questions());
        assertEquals(List.of(),
                new PushPreparation.Plan(null, target, new Preflight.Report(roomy, HarborCheck.answered(false), image)).questions());
        assertEquals(List.of(), new PushPreparation.Plan(null, target, new Preflight.Report(
                HarborCheck.skipped("plain registry"), HarborCheck.skipped("plain registry"), image)).questions(),
                "a registry without Harbor's API asks nothing");
    }

    @Test
    void onlyAnExpiredPlatformSessionIsForgotten() {
        // Issue 14: the rule the credentials step and the import both apply, kept once in the session.
        UploadSession session = new UploadSession();
        session.setPlatform(new PlatformClient(URI.create("https://gpu.example")).resume(
                new SessionTokens(URI.create("https://gpu.example"), "alice", "access", "refresh")));
        assertFalse(session.forgetExpiredPlatform(problem(ProblemType.PLATFORM_UNREACHABLE)));
        assertTrue(session.platform().isPresent(), "a platform out of reach keeps the session");
        assertTrue(session.forgetExpiredPlatform(problem(ProblemType.PLATFORM_SESSION_EXPIRED)));
        assertTrue(session.platform().isEmpty());
    }

    private static Problem problem(ProblemType type) {
        return new Problem(type, type.title(), List.of(), List.of(), "", ProblemContext.none());
    }

    @Test
    void startingAnotherImageKeepsTheLoginAndForgetsTheImage() {
        UploadSession session = new UploadSession();
        session.setRegistry("harbor.example");
        session.loggedIn(new io.github.harborupload.credentials.Credential("alice", "pw"), null);
        session.setRepository("torch");
        session.setTag("v1");
        session.setDescription("torch:v1");
        session.setImported(true);
        session.startAnotherImage();
        assertEquals("alice", session.credential().orElseThrow().username());
        assertEquals("harbor.example", session.registry());
        assertEquals("", session.repository());
        assertEquals("", session.description());
        assertFalse(session.imported());
        assertFalse(session.toString().contains("pw"));
    }
}
