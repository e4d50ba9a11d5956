package io.github.harborupload.desktop;

import io.github.harborupload.docker.config.SearchPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The way this computer stays awake, chosen from its OS name and the programs on its PATH. */
public final class SleepInhibitors {

    private static final Logger LOG = LoggerFactory.getLogger(SleepInhibitors.class);

    /** How the lock shows in {@code systemd-inhibit --list} and GNOME's "apps preventing sleep". */
    static final String WHO = "Harbor Upload Wizard";
    static final String WHY = "Uploading an image";

    private SleepInhibitors() {
    }

    public static SleepInhibitor forComputer(Map<String, String> env, String osName) {
        return choose(env, osName, ProcessLauncher.SYSTEM, new Kernel32ExecutionState(), ProcessHandle.current().pid());
    }

    static SleepInhibitor choose(Map<String, String> env, String osName, ProcessLauncher launcher,
                                 ExecutionState windows, long ownPid) {
        SearchPath path = new SearchPath(env, osName);
        return switch (OsKind.of(osName)) {
            case WINDOWS -> new ExecutionStateInhibitor(windows);
            // -i: no idle sleep; -s: no system sleep while on mains power; -w: caffeinate ends with
            // this program, even when it is killed outright.
            case MAC -> withProgram(path, "caffeinate", launcher,
                    "-i", "-s", "-w", Long.toString(ownPid));
            // logind holds the lock while the command runs. The command is cat reading this program's
            // pipe: it ends when the pipe does, so a killed program does not keep the computer awake
            // forever, as "sleep infinity" would.
            case LINUX -> withProgram(path, "systemd-inhibit", launcher,
                    "--what=sleep:idle", "--who=" + WHO, "--why=" + WHY, "--mode=block", "cat");
            case OTHER -> SleepInhibitor.NONE;
        };
    }

    private static SleepInhibitor withProgram(SearchPath path, String program, ProcessLauncher launcher,
                                              String... arguments) {
        Optional<Path> found = path.find(program);
        if (found.isEmpty()) {
            LOG.debug("Not keeping the computer awake: no {} on the PATH", program);
            return SleepInhibitor.NONE;
        }
        List<String> command = Stream.concat(Stream.of(found.get().toString()), Stream.of(arguments)).toList();
        return new ChildProcessInhibitor(command, launcher);
    }
}
