package io.github.harborupload.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Lines of a push stream as captured by {@code curl} on the socket, read as docker-java reads live items. */
public final class PushStreamLines {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PushStreamLines() {
    }

    public static PushEvent parse(String line) {
        try {
            return PushEvents.of(JSON.readValue(line, ResponseItem.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a push stream item: " + line, e);
        }
    }
}
