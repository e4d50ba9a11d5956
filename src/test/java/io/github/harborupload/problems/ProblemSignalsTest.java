package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.testsupport.PushStreams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The signs of a running push in trouble become the guide's advice (4.2, last bullet). */
class ProblemSignalsTest {

    private final AtomicLong clock = new AtomicLong();
    private final PushProgress progress = new PushProgress(-1, Duration.ofSeconds(30), clock::get);

    @Test
    void aPushThatKeepsRetryingIsNamedBeforeItFails() {
        List<PushEvent> events = PushStreams.load("push-stream-error-denied-with-retries.jsonl");
        Optional<Problem> first = Optional.empty();
        for (PushEvent event : events.subList(0, events.size() - 1)) {
            progress.accept(event);
            first = first.or(() -> Problems.ofSignals(progress.snapshot(), ProblemContext.none()));
        }
        Problem problem = first.orElseThrow();
        assertEquals(ProblemType.RETRYING_FOREVER, problem.type());
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals(7, problem.context().retries(), "one layer's third retry, the others' second");
        assertTrue(problem.detail().contains("\n624bf8a4be51 RETRYING 0/?, retried 3 times\n"), problem.detail());
        assertTrue(problem.detail().startsWith("push to 127.0.0.1:5001/locked/api:"), problem.detail());
        String advice = new Translator(Language.CHINESE).text(problem.actions().get(2));
        assertTrue(advice.contains("联系平台管理员"), advice);

        progress.accept(events.get(events.size() - 1));
        assertTrue(Problems.ofSignals(progress.snapshot(), ProblemContext.none()).isEmpty(), "failed: not a signal");
    }

    @Test
    void aPushWithoutProgressIsStalled() {
        progress.accept(PushEvent.progress("a", 10, 10));
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertTrue(Problems.ofSignals(progress.snapshot(), ProblemContext.none()).isEmpty());
        clock.addAndGet(Duration.ofSeconds(16).toNanos());
        Problem stalled = Problems.ofSignals(progress.snapshot(), ProblemContext.none()).orElseThrow();
        assertEquals(ProblemType.STALLED, stalled.type());
        assertTrue(stalled.detail().contains("no progress for 45 s"), stalled.detail());
        assertEquals("No progress for a while", new Translator(Language.ENGLISH).text(stalled.title()));
    }

    @Test
    void aHealthyOrFinishedPushHasNoProblem() {
        PushStreams.load("push-stream-full.jsonl").forEach(progress::accept);
        clock.addAndGet(Duration.ofMinutes(10).toNanos());
        assertTrue(Problems.ofSignals(progress.snapshot(), ProblemContext.none()).isEmpty());
    }
}
