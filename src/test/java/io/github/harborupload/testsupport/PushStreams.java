package io.github.harborupload.testsupport;

import io.github.harborupload.docker.PushEvent;
import io.github.harborupload.docker.PushStreamLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Push streams captured verbatim from dockerd 20.10 ({@code src/test/resources/push-streams}),
 * read through the same mapping the engine applies to live items.
 */
public final class PushStreams {

    private PushStreams() {
    }

    public static List<PushEvent> load(String name) {
        String resource = "/push-streams/" + name;
        InputStream in = PushStreams.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(PushStreamLines::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
