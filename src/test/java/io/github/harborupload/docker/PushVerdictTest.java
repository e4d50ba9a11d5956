package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.testsupport.PushStreams;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PushVerdictTest {

    private static PushVerdict replay(List<PushEvent> events) {
        PushVerdict outcome = new PushVerdict();
        events.forEach(outcome::record);
        return outcome;
    }

    @Test
    void aFinishedPushGivesTheDigestAndSizeOfTheFinalItem() {
        List<PushEvent> events = PushStreams.load("push-stream-full.jsonl");
        PushEvent last = events.get(events.size() - 1);

        PushResult result = replay(events).result();

        assertEquals(new PushResult(last.digest(), last.size()), result);
        assertTrue(result.digest().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void pushesThatFindTheLayersAlreadyThereFinishToo() {
        assertTrue(replay(PushStreams.load("push-stream-layer-exists.jsonl")).result().digest().startsWith("sha256:"));
        assertTrue(replay(PushStreams.load("push-stream-mounted.jsonl")).result().digest().startsWith("sha256:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "push-stream-error-denied.jsonl | denied: requested access to the resource is denied",
        "push-stream-error-denied-with-retries.jsonl | denied",
        "push-stream-error-no-credentials.jsonl | no basic auth credentials",
        "push-stream-error-no-such-image.jsonl | An image does not exist locally with the tag: 127.0.0.1:5000/demo/doesnotexist",
        "push-stream-error-no-such-tag.jsonl | tag does not exist: 127.0.0.1:5000/demo/err:nosuchtag",
        "push-stream-error-wrong-password.jsonl | unauthorized: authentication required",
    })
    void anErrorItemFailsThePushWithTheEnginesText(String fixture, String engineText) {
        PushVerdict outcome = replay(PushStreams.load(fixture));

        PushFailedException failure = assertThrows(PushFailedException.class, outcome::result);

        assertEquals(engineText, failure.getMessage());
        assertFalse(failure.endedWithoutResult());
    }

    @Test
    void theRegistryDownErrorKeepsTheDialMessage() {
        PushVerdict outcome = replay(PushStreams.load("push-stream-error-registry-down.jsonl"));

        PushFailedException failure = assertThrows(PushFailedException.class, outcome::result);

        assertTrue(failure.getMessage().endsWith("connect: connection refused"), failure.getMessage());
    }

    @Test
    void aStreamThatStopsBeforeTheDigestIsAFailure() {
        List<PushEvent> events = PushStreams.load("push-stream-full.jsonl");
        PushVerdict outcome = replay(events.subList(0, events.size() - 2));

        PushFailedException failure = assertThrows(PushFailedException.class, outcome::result);

        assertTrue(failure.endedWithoutResult());
    }

    @Test
    void anErrorAfterTheDigestStillFailsThePush() {
        List<PushEvent> events = new java.util.ArrayList<>(PushStreams.load("push-stream-full.jsonl"));
        events.add(PushEvent.failure("unknown blob"));

        assertThrows(PushFailedException.class, replay(events)::result);
    }

    @Test
    void podmanSendsOnlyTheDigestLineAndThatIsEnough() {
        // Issue 14: PushEvents makes the line a result event, so the progress model hears the same end.
        PushResult result = replay(PushStreams.load("podman-4.3.1-push-stream.jsonl")).result();

        assertEquals(new PushResult("sha256:9677f0854a612180dea60ebf803c6b09a7f88663fcba0acd1260460fc416c320", 923), result);
    }
}
