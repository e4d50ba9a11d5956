package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which way each system shows a notification; the tray itself is only seen on a real desktop (docs/platforms.md). */
class NotifiersTest {

    @TempDir
    Path bin;

    private final FakeLauncher launcher = FakeLauncher.running();
    private final URL icon = NotifiersTest.class.getResource("/io/github/harborupload/ui/icons/icon-64.png");

    @Test
    void linuxSendsThroughNotifySendWithTheTextAfterTheOptions() throws IOException {
        Notifier notifier = Notifiers.choose(FakePath.with(bin, "notify-send"), "Linux", icon, launcher, () -> true);

        notifier.show("Uploaded to Harbor", "-weird image name");

        // notify-send(1): [OPTION…] SUMMARY [BODY]; GLib's option parser takes "--" as the end of the options.
        assertEquals(List.of(List.of(bin.resolve("notify-send").toString(), "--app-name=Harbor Upload Wizard", "--",
                "Uploaded to Harbor", "-weird image name")), launcher.commands);
    }

    @Test
    void linuxWithoutNotifySendUsesTheTrayIfThereIsOneElseNothing() {
        Map<String, String> emptyPath = Map.of("PATH", bin.toString());
        assertInstanceOf(TrayNotifier.class, Notifiers.choose(emptyPath, "Linux", icon, launcher, () -> true));
        assertSame(Notifier.NONE, Notifiers.choose(emptyPath, "Linux", icon, launcher, () -> false));
    }

    @Test
    void windowsAndMacUseTheTrayWhereSupported() throws IOException {
        // Even with a notify-send on the PATH (an MSYS or Homebrew one): those systems notify through the tray.
        Map<String, String> env = FakePath.with(bin, "notify-send");
        for (String os : List.of("Windows 11", "Mac OS X")) {
            assertInstanceOf(TrayNotifier.class, Notifiers.choose(env, os, icon, launcher, () -> true), os);
            assertSame(Notifier.NONE, Notifiers.choose(env, os, icon, launcher, () -> false), os);
        }
        assertEquals(List.of(), launcher.commands);
    }

    @Test
    void aNotifySendThatCannotStartIsSilent() throws IOException {
        FakeLauncher gone = FakeLauncher.missingProgram();
        Notifier notifier = Notifiers.choose(FakePath.with(bin, "notify-send"), "Linux", icon, gone, () -> false);
        assertDoesNotThrow(() -> notifier.show("Upload failed", "library/app:1"));
        assertEquals(1, gone.commands.size());
    }

    @Test
    void theTaskbarShowsNothingOnLinuxNorWithoutADisplay() {
        // java.awt.Taskbar has no PROGRESS_VALUE on Linux (JDK 17); the tests run headless.
        assertSame(TaskbarProgress.NONE, TaskbarProgress.forComputer("Linux"));
        assertSame(TaskbarProgress.NONE, TaskbarProgress.forComputer("Mac OS X"));
    }
}
