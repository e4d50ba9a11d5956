package io.github.harborupload.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The machine's share of a pause: a JavaFX window that does nothing but count its frames, in a JVM
 * of its own, whose pulse gaps are recorded in the same seconds as the wizard's. What this window
 * suffers too (other processes on the two cores, the engine compressing layers) is not the wizard's
 * doing. Driven through stdin ({@code start}; {@code stop} answers {@code HICCUPS begin-end …}, its
 * gaps over two frames in System.nanoTime, and {@code GAPS pulses max p99 over50}); {@link Handle}
 * starts it from the benchmark.
 */
public final class PulseProbe {

    /** Two frames missed: enough to say the machine, not the wizard, held this window up too. */
    static final long HICCUP_NANOS = 33_000_000L;

    public static void main(String[] args) throws IOException {
        PulseGaps gaps = new PulseGaps();
        Platform.startup(() -> {
            Label frames = new Label("0");
            new AnimationTimer() {
                private long count;

                @Override
                public void handle(long now) {
                    frames.setText(Long.toString(++count)); // a little to draw every frame, as a progress bar has
                }
            }.start();
            Stage stage = new Stage();
            stage.setTitle("pulse probe");
            stage.setScene(new Scene(frames, 240, 80));
            stage.setX(1000);
            stage.setY(0);
            stage.show();
            System.out.println("READY");
        });
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null; ) {
            if (command.equals("start")) {
                Fx.run(gaps::start);
            } else if (command.equals("stop")) {
                PulseGaps.Summary summary = Fx.call(() -> {
                    gaps.stop();
                    return gaps.summary();
                });
                StringBuilder hiccups = new StringBuilder("HICCUPS");
                for (long[] gap : Fx.call(() -> gaps.gapsLongerThan(HICCUP_NANOS))) {
                    hiccups.append(' ').append(gap[0]).append('-').append(gap[1]);
                }
                System.out.println(hiccups);
                System.out.printf(Locale.ROOT, "GAPS %d %.1f %.1f %d%n", summary.pulses(), summary.maxMillis(),
                        summary.p99Millis(), summary.over50());
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /** What the probe saw while recording. */
    record Result(PulseGaps.Summary gaps, List<long[]> hiccups) {
    }

    /** The probe running in a JVM started with this JVM's options and class path. */
    static final class Handle implements AutoCloseable {

        private final Process process;
        private final PrintStream commands;
        private final BufferedReader answers;

        Handle() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            // The same options (garbage collector, heap, class-data archive), except one that would
            // make both JVMs write the same archive file.
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(option -> !option.startsWith("-XX:ArchiveClassesAtExit"))
                    .forEach(command::add);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(PulseProbe.class.getName());
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            expect("READY");
        }

        void start() {
            commands.println("start");
        }

        long residentKib() {
            return ResidentMemory.kibOf(process.pid());
        }

        /** Stops recording; the probe's gaps since {@link #start()}, and where it missed two frames or more. */
        Result stop() throws IOException {
            commands.println("stop");
            List<long[]> hiccups = new ArrayList<>();
            for (String gap : expect("HICCUPS").split(" ")) {
                if (gap.contains("-")) {
                    String[] ends = gap.split("-");
                    hiccups.add(new long[] {Long.parseLong(ends[0]), Long.parseLong(ends[1])});
                }
            }
            String[] parts = expect("GAPS").split(" ");
            return new Result(new PulseGaps.Summary(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]), Integer.parseInt(parts[4]), ""), hiccups);
        }

        private String expect(String prefix) throws IOException {
            for (String line; (line = answers.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IOException("the pulse probe ended before answering " + prefix);
        }

        @Override
        public void close() {
            commands.close();
            process.destroy();
        }
    }
}
