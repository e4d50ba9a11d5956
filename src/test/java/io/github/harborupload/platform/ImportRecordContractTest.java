package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.harborupload.platformserver.FakePlatform.ImageRecord;
import io.github.harborupload.platformserver.ServerVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One record per image, with the image's architecture and tags (issue 12). Sources: raids-lab/crater
 * backend/internal/handler/image/image.go (UserUploadImage stores archs as sent; UserListImage falls
 * back to linux/amd64 only for null), interface.go and types.go (the update endpoints, owner only),
 * crater-harbor-api.md §9.
 */
class ImportRecordContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINK = FakePlatformFixture.REGISTRY + "/user-alice/torch:v1";

    @Test
    void theArchitectureIsStoredAsSent() throws Exception {
        // image.go UserUploadImage: datatypes.NewJSONType(req.Archs).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            ImportOutcome outcome = fixture.signIn().importAndConfirm(new ImportRequest(LINK, "torch", TaskType.CUSTOM,
                    List.of("CUDA"), List.of("linux/arm64")));

            assertTrue(outcome.confirmed());
            assertFalse(outcome.updated());
            assertEquals(List.of("linux/arm64"), outcome.image().orElseThrow().archs());
            assertEquals(List.of("CUDA"), fixture.platform.images().get(0).tags());
        }
    }

    @Test
    void anUnknownArchitectureIsLeftOutSoThePlatformShowsItsDefault() throws Exception {
        // image.go: [] would stay [] and hide the image from the job form; null falls back to linux/amd64.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            ImportOutcome outcome = fixture.signIn().importAndConfirm(ImportRequest.of(LINK, "torch"));

            JsonNode sent = JSON.readTree(fixture.platform.requests("POST", "/api/v1/images/image").get(0).body());
            assertTrue(sent.path("archs").isMissingNode(), sent.toString());
            assertEquals(List.of("linux/amd64"), outcome.image().orElseThrow().archs());
        }
    }

    @Test
    void importingTheSameLinkAgainUpdatesTheOneRecord() throws Exception {
        // The platform never de-duplicates (each POST /v1/images/image adds a row); interface.go:
        // POST /v1/images/description, /type, /tags, /arch, each {id, …}.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformSession session = fixture.signIn();
            session.importAndConfirm(new ImportRequest(LINK, "first", TaskType.CUSTOM, List.of("CUDA"), List.of("linux/amd64")));
            long id = fixture.platform.images().get(0).id();

            ImportOutcome again = session.importAndConfirm(new ImportRequest(LINK, "second", TaskType.PYTORCH,
                    List.of("Pytorch", "vLLM"), List.of("linux/arm64")));

            assertTrue(again.confirmed());
            assertTrue(again.updated());
            assertEquals(1, fixture.platform.requests("POST", "/api/v1/images/image").size(), "no second import");
            List<ImageRecord> records = fixture.platform.images();
            assertEquals(1, records.size(), "one record per image");
            ImageRecord record = records.get(0);
            assertEquals(id, record.id());
            assertEquals("second", record.description());
            assertEquals(TaskType.PYTORCH.value(), record.taskType());
            assertEquals(List.of("Pytorch", "vLLM"), record.tags());
            assertEquals(List.of("linux/arm64"), record.archs());
            for (String path : List.of("description", "type", "tags", "arch")) {
                JsonNode body = JSON.readTree(fixture.platform.requests("POST", "/api/v1/images/" + path).get(0).body());
                assertEquals(id, body.path("id").asLong(), path);
            }
            assertEquals("second", again.image().orElseThrow().description());
        }
    }

    @Test
    void anotherUsersRecordOfTheSameLinkIsNotTouched() throws Exception {
        // UserListImage shows public images of others; only one's own imports count, and the update
        // endpoints are owner only (403 code 40301 since 69547918).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            fixture.platform.publicImage("bob", LINK);
            PlatformSession session = fixture.signIn();

            ImportOutcome outcome = session.importAndConfirm(ImportRequest.of(LINK, "mine"));
            assertFalse(outcome.updated());
            assertEquals(2, fixture.platform.images().size());

            long bobs = fixture.platform.images().get(0).id();
            PlatformException refused = assertThrows(PlatformException.class, () -> session.update(bobs, ImportRequest.of(LINK, "x")));
            assertEquals(403, refused.status());
            assertEquals(PlatformCodes.USER_NOT_ALLOWED, refused.code().getAsInt());
            assertEquals("", fixture.platform.images().get(0).description());
        }
    }
}
