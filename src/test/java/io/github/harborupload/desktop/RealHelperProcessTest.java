package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.harborupload.desktop.SleepInhibitor.Hold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The child-process holds with real processes on this Linux machine: started, and gone after release. */
@EnabledOnOs(OS.LINUX)
class RealHelperProcessTest {

    /** Hands out real processes and keeps them, so the test can look at them after the release. */
    private static final class KeepingLauncher implements ProcessLauncher {
        final List<Process> started = new CopyOnWriteArrayList<>();

        @Override
        public Process start(List<String> command) throws IOException {
            Process process = ProcessLauncher.SYSTEM.start(command);
            started.add(process);
            return process;
        }
    }

    private final KeepingLauncher launcher = new KeepingLauncher();

    @Test
    void releaseEndsTheHelperAndWhatItStarted() throws Exception {
        // A helper with a child of its own, as systemd-inhibit runs its command as a child.
        Hold hold = new ChildProcessInhibitor(List.of("sh", "-c", "cat; true"), launcher).hold();
        Process helper = launcher.started.get(0);
        List<ProcessHandle> children = waitForChildren(helper);
        assertTrue(helper.isAlive());

        hold.close();

        assertTrue(helper.waitFor(5, TimeUnit.SECONDS), "the helper is gone");
        for (ProcessHandle child : children) {
            child.onExit().get(5, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "its child " + child.pid() + " is gone");
        }
    }

    @Test
    void theHeldCommandEndsWhenThisProgramsPipeCloses() throws Exception {
        // The lock's command is cat on this program's pipe: when the program dies, even by SIGKILL, the
        // system closes the pipe (pipe(7): read sees end of file), cat ends and logind drops the lock.
        new ChildProcessInhibitor(List.of("cat"), launcher).hold();
        Process cat = launcher.started.get(0);
        assertFalse(cat.waitFor(200, TimeUnit.MILLISECONDS), "holds while the pipe is open");

        cat.getOutputStream().close();

        assertTrue(cat.waitFor(5, TimeUnit.SECONDS));
        assertEquals(0, cat.exitValue());
    }

    @Test
    void theRealSystemdInhibitStartsAndIsGoneAfterRelease() throws Exception {
        Path systemdInhibit = Path.of("/usr/bin/systemd-inhibit");
        assumeTrue(Files.isExecutable(systemdInhibit), "systemd-inhibit is not installed here");
        SleepInhibitor inhibitor = SleepInhibitors.choose(Map.of("PATH", "/usr/bin:/bin"), "Linux", launcher,
                flags -> 0, ProcessHandle.current().pid());

        Hold hold = inhibitor.hold();
        Process helper = launcher.started.get(0);
        // With logind, systemd-inhibit runs cat as its child while held; without it (a container) it ends
        // at once with "Failed to connect to bus". Either way nothing may be left after the release.
        List<ProcessHandle> children = helper.descendants().toList();
        hold.close();

        assertTrue(helper.waitFor(5, TimeUnit.SECONDS), "systemd-inhibit is gone");
        for (ProcessHandle child : children) {
            child.onExit().get(5, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "its command " + child.pid() + " is gone");
        }
    }

    private static List<ProcessHandle> waitForChildren(Process helper) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = helper.descendants().toList();
            if (!children.isEmpty()) {
                return children;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the helper started no child within 5 s");
    }
}
