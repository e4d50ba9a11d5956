package io.github.harborupload.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** A push listener for tests: keeps every event and signals the first upload progress. */
final class PushRecorder implements Consumer<PushEvent> {

    final List<PushEvent> events = new CopyOnWriteArrayList<>();
    final CountDownLatch firstPushing = new CountDownLatch(1);

    @Override
    public void accept(PushEvent event) {
        events.add(event);
        if ("Pushing".equals(event.status())) {
            firstPushing.countDown();
        }
    }

    /** The layers of the image, in the order the engine announced them. */
    List<String> layers() {
        return events.stream().filter(e -> "Preparing".equals(e.status())).map(PushEvent::layerId).distinct().toList();
    }

    /** Each layer's last event. */
    Map<String, PushEvent> lastByLayer() {
        return lastByLayer(events);
    }

    /** Each layer's last "Pushing" event. */
    Map<String, PushEvent> lastPushingByLayer() {
        return lastByLayer(events.stream().filter(e -> "Pushing".equals(e.status())).toList());
    }

    private static Map<String, PushEvent> lastByLayer(List<PushEvent> events) {
        Map<String, PushEvent> last = new LinkedHashMap<>();
        for (PushEvent event : events) {
            if (event.layerId() != null) {
                last.put(event.layerId(), event);
            }
        }
        return last;
    }
}
