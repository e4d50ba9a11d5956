/**
 * What the program asks of the desktop around it while a push runs: keep the computer awake, show
 * the progress on the taskbar or dock icon, and say when the push has ended. Each operating system
 * does these differently; each difference sits behind a small interface ({@link
 * io.github.harborupload.desktop.SleepInhibitor}, {@link io.github.harborupload.desktop.Notifier},
 * {@link io.github.harborupload.desktop.TaskbarProgress}) chosen from the OS name and environment, so
 * tests on Linux cover all three systems with fakes. None of it may make a push fail: where the system
 * offers nothing, the program carries on without it. No JavaFX here.
 */
package io.github.harborupload.desktop;
