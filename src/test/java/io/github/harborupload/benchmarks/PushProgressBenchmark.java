package io.github.harborupload.benchmarks;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.testsupport.PushStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many push events a second {@link PushProgress#accept} takes, on realistic streams: each
 * stream is replayed whole into a fresh model (a model that has seen the result ignores the rest, so
 * replaying into one model would measure nothing). The score is events per second. Also the cost
 * of one {@link PushProgress#snapshot()} of a 60-layer push, what the UI pays 20 times a second.
 *
 * <p>Run by {@code scripts/benchmark.sh}; by hand:
 * {@code java -cp <test class path> org.openjdk.jmh.Main PushProgressBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PushProgressBenchmark {

    /** Events per benchmark call, so the score reads in events per second. */
    private static final int BATCH = 1024;

    /** Whole streams one after another, and the model the current one feeds. */
    @State(Scope.Thread)
    public static class Replay {

        /**
         * {@code captured}: the streams captured from dockerd (a full push, a multi-layer push,
         * layers already there, mounted, a push retried until denied), one after another;
         * {@code sixty-layers}: a generated push of 60 layers of 16 MB.
         */
        @Param({"captured", "sixty-layers"})
        public String stream;

        PushEvent[] events;
        /** Where each stream starts: there a new model begins. */
        boolean[] startsStream;
        int cursor;
        PushProgress progress = new PushProgress(-1);

        @Setup
        public void load() {
            List<List<PushEvent>> streams = new ArrayList<>();
            if (stream.equals("captured")) {
                for (String name : List.of("push-stream-full.jsonl", "push-stream-multi.jsonl",
                        "push-stream-layer-exists.jsonl", "push-stream-mounted.jsonl",
                        "push-stream-error-denied-with-retries.jsonl")) {
                    streams.add(PushStreams.load(name));
                }
            } else {
                streams.add(GeneratedPushStream.of(60, 16_000_000, 1));
            }
            List<PushEvent> all = new ArrayList<>();
            List<Boolean> starts = new ArrayList<>();
            for (List<PushEvent> one : streams) {
                for (int i = 0; i < one.size(); i++) {
                    all.add(one.get(i));
                    starts.add(i == 0);
                }
            }
            events = all.toArray(PushEvent[]::new);
            startsStream = new boolean[starts.size()];
            for (int i = 0; i < startsStream.length; i++) {
                startsStream[i] = starts.get(i);
            }
        }
    }

    /** A 60-layer push half done. */
    @State(Scope.Thread)
    public static class MidPush {

        PushProgress progress;

        @Setup
        public void feed() {
            List<PushEvent> sixty = GeneratedPushStream.of(60, 16_000_000, 2);
            progress = new PushProgress(-1);
            sixty.subList(0, sixty.size() / 2).forEach(progress::accept);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public PushProgress accept(Replay replay) {
        for (int i = 0; i < BATCH; i++) {
            if (replay.cursor == replay.events.length) {
                replay.cursor = 0;
            }
            if (replay.startsStream[replay.cursor]) {
                replay.progress = new PushProgress(-1);
            }
            replay.progress.accept(replay.events[replay.cursor++]);
        }
        return replay.progress;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PushSnapshot snapshotOfSixtyLayers(MidPush push) {
        return push.progress.snapshot();
    }
}
