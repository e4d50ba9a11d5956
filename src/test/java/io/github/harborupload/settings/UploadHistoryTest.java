package io.github.harborupload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of earlier uploads (issue 15, item 13): newest first, bounded, atomic, never a crash. */
class UploadHistoryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @TempDir
    Path folder;

    @Test
    void aPushIsRecordedFirstAndAnImportMarksItsLink() {
        UploadHistory history = new UploadHistory(folder);
        assertEquals(List.of(), history.list(), "no file: nothing uploaded yet");
        history.recordPush("train:v1", "h/user-alice/train:v1", DIGEST, MONDAY);
        history.recordPush("serve:v2", "h/user-alice/serve:v2", DIGEST, MONDAY.plusSeconds(60));
        history.markImported("h/user-alice/train:v1");
        history.markImported("h/user-alice/never-pushed-here:v1");

        List<PastUpload> uploads = new UploadHistory(folder).list();
        assertEquals(List.of(new PastUpload("serve:v2", "h/user-alice/serve:v2", DIGEST, MONDAY.plusSeconds(60), false),
                new PastUpload("train:v1", "h/user-alice/train:v1", DIGEST, MONDAY, true)), uploads,
                "newest first, as read back by another run; a link not pushed from here is not added");
        assertEquals(Optional.of(uploads.get(0)), history.latest());
    }

    @Test
    void theSameLinkPushedAgainReplacesItsEntryAndStaysImported() {
        // The platform's record is of the link (crater image.go stores the link), which now serves the new digest.
        UploadHistory history = new UploadHistory(folder);
        history.recordPush("train:v1", "h/user-alice/train:latest", DIGEST, MONDAY);
        history.markImported("h/user-alice/train:latest");
        history.recordPush("other:v1", "h/user-alice/other:v1", DIGEST, MONDAY.plusSeconds(1));
        String newDigest = "sha256:" + "b".repeat(64);
        history.recordPush("train:v2", "h/user-alice/train:latest", newDigest, MONDAY.plusSeconds(2));

        List<PastUpload> uploads = history.list();
        assertEquals(2, uploads.size());
        assertEquals(new PastUpload("train:v2", "h/user-alice/train:latest", newDigest, MONDAY.plusSeconds(2), true),
                uploads.get(0));
    }

    @Test
    void theListKeepsTheNewestUpToTheLimit() {
        UploadHistory history = new UploadHistory(folder);
        for (int i = 0; i < UploadHistory.LIMIT + 5; i++) {
            history.recordPush("img:" + i, "h/user-alice/img:" + i, DIGEST, MONDAY.plusSeconds(i));
        }
        List<PastUpload> uploads = history.list();
        assertEquals(UploadHistory.LIMIT, uploads.size());
        assertEquals("h/user-alice/img:" + (UploadHistory.LIMIT + 4), uploads.get(0).link());
        assertEquals("h/user-alice/img:5", uploads.get(UploadHistory.LIMIT - 1).link(), "the oldest five are dropped");
    }

    @Test
    void theFileIsWrittenWholeOwnerOnlyAndHoldsNoMoreThanItsFields() throws IOException {
        UploadHistory history = new UploadHistory(folder);
        history.recordPush("train:v1", "h/user-alice/train:v1", DIGEST, MONDAY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.file())));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(history.file()), files.toList(), "no temporary file is left behind (files.AtomicFile)");
        }
        // No room for a secret: these fields and no others.
        JsonNode entry = new ObjectMapper().readTree(history.file().toFile()).path("uploads").get(0);
        List<String> fields = new ArrayList<>();
        entry.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("image", "link", "digest", "pushed", "imported"), fields);
    }

    @Test
    void aFileThatCannotBeWrittenLeavesTheOldListAndDoesNotFailThePush() throws IOException {
        UploadHistory history = new UploadHistory(folder);
        history.recordPush("train:v1", "h/user-alice/train:v1", DIGEST, MONDAY);
        String before = Files.readString(history.file());
        history.file().toFile().setReadOnly();
        history.recordPush("serve:v1", "h/user-alice/serve:v1", DIGEST, MONDAY);
        assertEquals(before, Files.readString(history.file()), "all or nothing");
        assertEquals(1, history.list().size());
    }

    @Test
    void aDamagedFileIsSetAsideWithANoteAndTheListStartsAgain() throws IOException {
        Files.writeString(folder.resolve("uploads.json"), "{\"version\":1,\"uploads\":[{\"link\":\"h/p/r:t\",\"pushed\":\"yesterday\"}]}");
        UploadHistory history = new UploadHistory(folder);
        assertEquals(List.of(), history.list());
        Path aside = folder.resolve("uploads.json.damaged");
        assertEquals(Optional.of(aside), history.setAside(), "the faces can say where it went");
        assertTrue(Files.readString(aside).contains("yesterday"), "kept for the user to look at");

        history.recordPush("train:v1", "h/user-alice/train:v1", DIGEST, MONDAY);
        assertEquals(1, history.list().size(), "recording goes on in a fresh file");

        Files.writeString(history.file(), "not json at all");
        assertEquals(List.of(), new UploadHistory(folder).list());
        assertFalse(Files.exists(history.file()));
    }
}
