package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of earlier pushes (issue 18, "nothing twice"): found again, bounded, never in the way. */
class PushedLayerRecordTest {

    @TempDir
    Path folder;

    private static PushedLayerRecord.Entry entry(String diffId, String repository) {
        return new PushedLayerRecord.Entry(diffId, "registry.example:5000", repository, "sha256:gz-" + diffId, 42);
    }

    @Test
    void aRecordedLayerIsFoundAgainByANewRecordOnTheSameFile() {
        Path file = folder.resolve("pushed-layers.json");
        new PushedLayerRecord(file).add(List.of(entry("sha256:a", "user-x/one"), entry("sha256:b", "user-x/one")));

        List<PushedLayerRecord.Entry> found = new PushedLayerRecord(file).find("registry.example:5000", "sha256:a");

        assertEquals(List.of(entry("sha256:a", "user-x/one")), found, "what another process (the CLI) recorded");
        assertEquals(List.of(), new PushedLayerRecord(file).find("other.example", "sha256:a"),
                "a mount works only inside one registry");
    }

    @Test
    void theMostRecentPlaceComesFirstAndARepeatedPlaceIsKeptOnce() {
        PushedLayerRecord record = new PushedLayerRecord(folder.resolve("r.json"));
        record.add(List.of(entry("sha256:a", "user-x/one")));
        record.add(List.of(entry("sha256:a", "user-x/two")));
        record.add(List.of(entry("sha256:a", "user-x/one")));

        List<String> repositories = record.find("registry.example:5000", "sha256:a").stream()
                .map(PushedLayerRecord.Entry::repository).toList();

        assertEquals(List.of("user-x/one", "user-x/two"), repositories);
    }

    @Test
    void theRecordKeepsOnlyTheNewestEntriesBeyondItsBound() throws IOException {
        Path file = folder.resolve("r.json");
        PushedLayerRecord record = new PushedLayerRecord(file);
        List<PushedLayerRecord.Entry> many = new ArrayList<>();
        for (int i = 0; i <= PushedLayerRecord.MAX_ENTRIES; i++) {
            many.add(entry("sha256:" + i, "user-x/r"));
        }
        record.add(many);

        assertTrue(record.find("registry.example:5000", "sha256:0").isEmpty(), "the oldest went");
        assertFalse(record.find("registry.example:5000", "sha256:" + PushedLayerRecord.MAX_ENTRIES).isEmpty());
        assertTrue(Files.size(file) < 1 << 20, "under a megabyte: " + Files.size(file));
    }

    @Test
    void whatAnotherProgramWroteSinceTheLastReadIsFound() {
        // The record keeps what it parsed while the file is unchanged (a push asks it once per
        // layer); the wizard and the command line share the file, so a write of the other counts.
        Path file = folder.resolve("r.json");
        PushedLayerRecord wizard = new PushedLayerRecord(file);
        wizard.add(List.of(entry("sha256:a", "user-x/one")));
        assertEquals(List.of(), wizard.find("registry.example:5000", "sha256:b"));

        new PushedLayerRecord(file).add(List.of(entry("sha256:b", "user-x/one")));

        assertEquals(List.of(entry("sha256:b", "user-x/one")), wizard.find("registry.example:5000", "sha256:b"));
        assertEquals(1, wizard.find("registry.example:5000", "sha256:a").size());
    }

    @Test
    void aDamagedRecordIsEmptyAndReplacedByTheNextWrite() throws IOException {
        Path file = folder.resolve("r.json");
        Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
        PushedLayerRecord record = new PushedLayerRecord(file);

        assertEquals(List.of(), record.find("registry.example:5000", "sha256:a"));
        record.add(List.of(entry("sha256:a", "user-x/one")));
        assertEquals(1, record.find("registry.example:5000", "sha256:a").size());
    }
}
