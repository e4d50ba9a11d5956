package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.desktop.FakeLauncher.FakeProcess;
import io.github.harborupload.desktop.SleepInhibitor.Hold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which way each system stays awake, and that a release really lets it sleep. The commands follow
 * the programs' manuals: systemd-inhibit(1) (--what, --who, --why, --mode=block, then the command it
 * holds the lock for) and caffeinate(8) on macOS (-i idle sleep, -s system sleep, -w until a pid ends).
 */
class SleepInhibitorsTest {

    private static final long OWN_PID = 4242;

    @TempDir
    Path bin;

    private final FakeLauncher launcher = FakeLauncher.running();
    private final RecordingExecutionState windows = new RecordingExecutionState(1);

    @Test
    void linuxHoldsLogindsLockThroughSystemdInhibitUntilReleased() throws IOException {
        Map<String, String> env = FakePath.with(bin, "systemd-inhibit");
        SleepInhibitor inhibitor = SleepInhibitors.choose(env, "Linux", launcher, windows, OWN_PID);

        Hold hold = inhibitor.hold();

        assertEquals(List.of(List.of(bin.resolve("systemd-inhibit").toString(), "--what=sleep:idle",
                "--who=Harbor Upload Wizard", "--why=Uploading an image", "--mode=block", "cat")), launcher.commands);
        FakeProcess child = launcher.processes.get(0);
        assertTrue(child.isAlive());
        hold.close();
        assertTrue(child.destroyed(), "releasing ends systemd-inhibit, which drops the lock");
        hold.close();
        assertEquals(1, launcher.commands.size(), "a second release starts and ends nothing");
        assertTrue(windows.calls.isEmpty());
    }

    @Test
    void macHoldsAnAssertionThroughCaffeinateTiedToThisProgram() throws IOException {
        Map<String, String> env = FakePath.with(bin, "caffeinate");
        SleepInhibitor inhibitor = SleepInhibitors.choose(env, "Mac OS X", launcher, windows, OWN_PID);

        Hold hold = inhibitor.hold();

        assertEquals(List.of(List.of(bin.resolve("caffeinate").toString(), "-i", "-s", "-w", "4242")), launcher.commands);
        hold.close();
        assertTrue(launcher.processes.get(0).destroyed());
    }

    @Test
    void eachHoldIsItsOwnProcess() throws IOException {
        SleepInhibitor inhibitor = SleepInhibitors.choose(FakePath.with(bin, "systemd-inhibit"), "Linux", launcher, windows,
                OWN_PID);
        Hold first = inhibitor.hold();
        Hold second = inhibitor.hold();
        first.close();
        assertTrue(launcher.processes.get(0).destroyed());
        assertFalse(launcher.processes.get(1).destroyed(), "a pause of one push does not wake the other");
        second.close();
    }

    @Test
    void withoutTheProgramNothingIsHeldAndNothingFails() {
        Map<String, String> emptyPath = Map.of("PATH", bin.toString());
        for (String os : List.of("Linux", "Mac OS X")) {
            SleepInhibitor inhibitor = SleepInhibitors.choose(emptyPath, os, launcher, windows, OWN_PID);
            assertSame(SleepInhibitor.NONE, inhibitor, os);
            assertDoesNotThrow(() -> inhibitor.hold().close());
        }
        assertSame(SleepInhibitor.NONE, SleepInhibitors.choose(emptyPath, "FreeBSD", launcher, windows, OWN_PID));
        assertTrue(launcher.commands.isEmpty());
    }

    @Test
    void aProgramThatCannotStartIsSilent() throws IOException {
        FakeLauncher gone = FakeLauncher.missingProgram();
        SleepInhibitor inhibitor = SleepInhibitors.choose(FakePath.with(bin, "systemd-inhibit"), "Linux", gone, windows,
                OWN_PID);
        Hold hold = assertDoesNotThrow(inhibitor::hold);
        assertDoesNotThrow(hold::close);
        assertEquals(1, gone.commands.size());
    }

    @Test
    void aHelperThatEndsByItselfIsSilentAndReleasingItLaterIsHarmless() throws IOException {
        // What systemd-inhibit does without logind: "Failed to connect to bus", exit 1 (seen on this machine).
        SleepInhibitor inhibitor = SleepInhibitors.choose(FakePath.with(bin, "systemd-inhibit"), "Linux", launcher, windows,
                OWN_PID);
        Hold hold = inhibitor.hold();
        launcher.processes.get(0).endByItself(1, "Failed to connect to bus: No such file or directory");
        assertDoesNotThrow(hold::close);
    }

    @Test
    void windowsSetsTheExecutionStateOnAThreadThatLivesUntilTheRelease() throws Exception {
        SleepInhibitor inhibitor = SleepInhibitors.choose(Map.of(), "Windows 11", launcher, windows, OWN_PID);
        assertInstanceOf(ExecutionStateInhibitor.class, inhibitor);

        Hold hold = inhibitor.hold();
        RecordingExecutionState.Call set = windows.next();
        // SetThreadExecutionState (Microsoft's documentation): ES_CONTINUOUS | ES_SYSTEM_REQUIRED keeps the
        // system awake until the same thread calls again with ES_CONTINUOUS alone.
        assertEquals(0x80000001, set.flags());
        assertEquals(ExecutionStateInhibitor.THREAD_NAME, set.thread().getName());
        assertTrue(set.thread().isAlive(), "the state belongs to the thread: it must live while held");
        assertTrue(windows.calls.isEmpty());

        hold.close();
        RecordingExecutionState.Call clear = windows.next();
        assertEquals(0x80000000, clear.flags());
        assertSame(set.thread(), clear.thread(), "cleared by the thread that set it");
        set.thread().join(5000);
        assertFalse(set.thread().isAlive());
        assertTrue(launcher.commands.isEmpty());
    }

    @Test
    void windowsRefusingOrMissingTheCallIsSilent() throws Exception {
        RecordingExecutionState refusing = new RecordingExecutionState(0);
        Hold hold = SleepInhibitors.choose(Map.of(), "Windows 10", launcher, refusing, OWN_PID).hold();
        RecordingExecutionState.Call set = refusing.next();
        set.thread().join(5000);
        assertFalse(set.thread().isAlive(), "a refused call holds nothing, so nothing waits for the release");
        assertDoesNotThrow(hold::close);

        ExecutionState noKernel32 = flags -> {
            throw new UnsatisfiedLinkError("Unable to load library 'kernel32'");
        };
        assertDoesNotThrow(() -> SleepInhibitors.choose(Map.of(), "Windows 10", launcher, noKernel32, OWN_PID).hold().close());
    }

    @Test
    void holdUntilReleasesWhenThePushEndsEitherWay() throws IOException {
        SleepInhibitor inhibitor = SleepInhibitors.choose(FakePath.with(bin, "systemd-inhibit"), "Linux", launcher, windows,
                OWN_PID);
        CompletableFuture<String> succeeds = new CompletableFuture<>();
        CompletableFuture<String> fails = new CompletableFuture<>();
        inhibitor.holdUntil(succeeds);
        inhibitor.holdUntil(fails);
        assertFalse(launcher.processes.get(0).destroyed());

        succeeds.complete("sha256:…");
        fails.completeExceptionally(new IOException("gateway timeout"));

        assertTrue(launcher.processes.get(0).destroyed());
        assertTrue(launcher.processes.get(1).destroyed());
    }

    @Test
    void aHoldReturnedByHoldUntilCanBeReleasedEarlyAsAPauseWill() throws IOException {
        SleepInhibitor inhibitor = SleepInhibitors.choose(FakePath.with(bin, "systemd-inhibit"), "Linux", launcher, windows,
                OWN_PID);
        CompletableFuture<String> push = new CompletableFuture<>();
        inhibitor.holdUntil(push).close();
        assertTrue(launcher.processes.get(0).destroyed());
        push.complete("sha256:…");
    }
}
