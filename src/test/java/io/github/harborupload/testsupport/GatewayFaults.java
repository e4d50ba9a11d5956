package io.github.harborupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of the stack's Harbor core stand-in and its gateways ({@link TestStack.TokenHarbor}),
 * set through files in the stack's folder, which the stand-in and nginx read on every request: no
 * restart, and a fault starts with the next request. {@link #close()} clears them all, so a test
 * uses one in try-with-resources (one stack serves every test class of a run).
 *
 * <p>It also reads what the stand-in saw: its {@code core/requests.log}, one line per request,
 * {@code METHOD STATUS BODY_BYTES PATH DIGEST}.
 */
public final class GatewayFaults implements AutoCloseable {

    private final Path core;
    private final Path unavailable;

    public GatewayFaults(TestStack stack) {
        stack.requireTokenHarbor();
        this.core = stack.stackDir().resolve("core");
        this.unavailable = stack.stackDir().resolve("gw").resolve("unavailable");
    }

    /**
     * Holds the answer to every blob commit ({@code PUT …/blobs/uploads/…?digest=}) this long after
     * the registry gave it: the blob is stored, the answer late, as on object storage. With 6 s,
     * past the gateways' 3 s read timeout, they answer 504.
     */
    public void delayCommits(Duration delay) {
        write(core.resolve("commit-delay"), Double.toString(delay.toMillis() / 1000.0));
    }

    /**
     * Holds the answer to every chunk ({@code PATCH}) this long after the registry gave it, as a
     * slow link would: each chunk stays in flight so long. Longer than the gateways' 3 s read
     * timeout, use it straight to {@link TestStack.TokenHarbor#core()}.
     */
    public void delayPatches(Duration delay) {
        write(core.resolve("patch-delay"), Double.toString(delay.toMillis() / 1000.0));
    }

    /**
     * The next PATCH passes {@code bytes} body bytes (as sent on the wire), then the stand-in closes
     * both its connections: a cut inside a chunk. Through a gateway the client sees the gateway's
     * 502; straight to {@link TestStack.TokenHarbor#core()} the connection closes.
     */
    public void cutNextPatchAfter(long bytes) {
        write(core.resolve("cut-next-patch"), Long.toString(bytes));
    }

    /** Whether an armed cut is still waiting for its PATCH. */
    public boolean cutArmed() {
        return Files.exists(core.resolve("cut-next-patch"));
    }

    /** Both gateways answer nginx's 503 page to everything while this is on. */
    public void unavailable(boolean on) {
        if (on) {
            write(unavailable, "");
        } else {
            delete(unavailable);
        }
    }

    /**
     * How many times each blob of {@code repository} (its path, {@code user-testuser/x}) was
     * committed with the registry's 201, by digest, in the order first seen: a blob sent again is
     * counted again, also when the client never got the answer (a gateway's timeout).
     */
    public Map<String, Integer> commitsIn(String repository) {
        Map<String, Integer> commits = new LinkedHashMap<>();
        String uploads = "/v2/" + repository + "/blobs/uploads/";
        for (String[] request : requests()) {
            if (request[0].equals("PUT") && request[1].equals("201") && request[3].startsWith(uploads)) {
                commits.merge(request[4], 1, Integer::sum);
            }
        }
        return commits;
    }

    /** Every request the stand-in passed so far, split into its log's five fields. */
    public List<String[]> requests() {
        try {
            return Files.readAllLines(core.resolve("requests.log")).stream().map(line -> line.split(" ", 5)).toList();
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No delay, no cut, no 503. */
    @Override
    public void close() {
        delete(core.resolve("commit-delay"));
        delete(core.resolve("patch-delay"));
        delete(core.resolve("cut-next-patch"));
        delete(unavailable);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, text);
            // Whole or absent: the stand-in reads the file on every request.
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
