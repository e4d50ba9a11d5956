package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.testsupport.PushStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushEventsTest {

    @Test
    void progressLinesCarryLayerAndBytes() {
        PushEvent event = PushStreamLines.parse(
                "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":229888,\"total\":20971520},"
                        + "\"progress\":\"[>   ]  229.9kB/20.97MB\",\"id\":\"44c97d8ddeca\"}");
        assertEquals(new PushEvent("44c97d8ddeca", "Pushing", 229888, 20971520, null, null, -1), event);
    }

    @Test
    void theDigestLineIsTheResultForEveryReader() {
        // Issue 14: decided here once (Podman sends only this line), so neither the verdict nor the model parses it.
        PushEvent event = PushStreamLines.parse("{\"status\":\"1: digest: sha256:" + "ab".repeat(32) + " size: 923\"}");
        assertTrue(event.isResult());
        assertEquals("sha256:" + "ab".repeat(32), event.digest());
        assertEquals(923, event.size());
        assertFalse(PushStreamLines.parse("{\"status\":\"1: digest: sha256:short size: 923\"}").isResult(), "not a digest");
    }

    @Test
    void statusLinesWithEmptyProgressHaveNoBytes() {
        PushEvent event = PushStreamLines.parse("{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"95215c20a5e4\"}");
        assertEquals(PushEvent.status("95215c20a5e4", "Preparing"), event);
    }

    @Test
    void theLastItemOfASuccessfulPushCarriesDigestAndSize() {
        List<PushEvent> events = PushStreams.load("push-stream-full.jsonl");
        PushEvent last = events.get(events.size() - 1);
        assertTrue(last.isResult());
        assertTrue(last.digest().startsWith("sha256:"));
        assertTrue(last.size() > 0);
        assertTrue(events.stream().noneMatch(PushEvent::isError));
    }

    @Test
    void anErrorInsideTheStreamIsAnErrorEvent() {
        List<PushEvent> events = PushStreams.load("push-stream-error-denied.jsonl");
        PushEvent last = events.get(events.size() - 1);
        assertEquals("denied: requested access to the resource is denied", last.error());
        assertNull(last.digest());
    }
}
