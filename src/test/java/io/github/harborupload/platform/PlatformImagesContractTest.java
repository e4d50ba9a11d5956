package io.github.harborupload.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platformserver.FakePlatform;
import io.github.harborupload.platformserver.FakePlatform.CredentialFailure;
import io.github.harborupload.platformserver.FakePlatform.ImageRecord;
import io.github.harborupload.platformserver.ServerVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The image endpoints, against the fake platform in each server version. Sources: raids-lab/crater
 * backend/internal/handler/image/harbor.go (GetHarborIP, UserGetProjectCredential,
 * UserGetProjectDetail), image.go (UserUploadImage, UserListImage, CheckLinkValidity),
 * types.go, backend/dao/model/image.go (column sizes), backend/pkg/imageregistry/registry.go.
 */
class PlatformImagesContractTest {

    private static final String REGISTRY = FakePlatformFixture.REGISTRY;
    private static final String LINK = REGISTRY + "/user-alice/torch:v1";

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void theHarborAddressComesWithoutScheme(ServerVersion version) throws Exception {
        // harbor.go GetHarborIP: "https://" + config.Registry.Harbor.Server.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            assertEquals(REGISTRY, session.harborRegistry());

            fixture.platform.harborServer("gpu-harbor.act.buaa.edu.cn/");
            assertEquals("gpu-harbor.act.buaa.edu.cn", session.harborRegistry());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void eachCredentialCallResetsThePassword(ServerVersion version) throws Exception {
        // harbor.go UserGetProjectCredential: DeleteUser, then CreateUser with GenerateRandomPassword(20).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();

            Credential first = session.resetHarborCredentials();
            assertEquals(FakePlatformFixture.USER, first.username());
            assertTrue(first.password().matches("[A-Za-z0-9_-]{20}"), "GenerateRandomPassword: 20 base64url characters");
            assertTrue(fixture.registry.accepts(first.username(), first.password()));
            assertTrue(fixture.platform.requests("POST", "/api/v1/images/credential").get(0).body().isEmpty(), "no body");

            Credential second = session.resetHarborCredentials();
            assertFalse(fixture.registry.accepts(first.username(), first.password()), "the old password stops working");
            assertTrue(fixture.registry.accepts(second.username(), second.password()));
            assertFalse(second.toString().contains(second.password()));
        }
    }

    @ParameterizedTest
    @EnumSource(CredentialFailure.class)
    void eachCredentialStepFailureIsA500WithItsMessage(CredentialFailure failure) throws Exception {
        // harbor.go UserGetProjectCredential: resputil.Error (HTTP 500, 99999) with the failed step's msg.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformSession session = fixture.signIn();
            Credential old = session.resetHarborCredentials();
            fixture.platform.failNextCredential(failure);

            PlatformException failed = assertThrows(PlatformException.class, session::resetHarborCredentials);

            assertEquals(500, failed.status());
            assertEquals(PlatformCodes.NOT_SPECIFIED, failed.code().getAsInt());
            assertEquals(failure.message(), failed.serverMessage());
            // The old password survives only the steps before the user is deleted.
            boolean oldKept = failure == CredentialFailure.CHECK_OR_CREATE_PROJECT || failure == CredentialFailure.DELETE_USER;
            assertEquals(oldKept, fixture.registry.accepts(old.username(), old.password()));
            // And the next try works.
            Credential next = session.resetHarborCredentials();
            assertTrue(fixture.registry.accepts(next.username(), next.password()));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void theQuotaIsInGibAndNegativeIsUnlimited(ServerVersion version) throws Exception {
        // harbor.go UserGetProjectDetail: GiB floats; 40 GiB for a missing project; zeros and "" on failure.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();

            // No project yet: the platform reports 40 GiB and nothing used.
            assertEquals(Optional.of(new StorageQuota(0, 40L << 30)), session.quota());

            fixture.platform.harbor().project("user-alice", "alice", 10L << 30, 3L << 29);
            StorageQuota limited = session.quota().orElseThrow();
            assertEquals(3L << 29, limited.usedBytes());
            assertEquals(10L << 30, limited.limitBytes());
            assertFalse(limited.unlimited());

            // Harbor's -1 arrives as -1/2^30 GiB, shown as "-0GiB" on the web page.
            fixture.platform.harbor().project("user-alice", "alice", StorageQuota.UNLIMITED, 5L << 30);
            StorageQuota unlimited = session.quota().orElseThrow();
            assertTrue(unlimited.unlimited());
            assertTrue(unlimited.fits(Long.MAX_VALUE / 2));

            fixture.platform.quotaUnavailable(true);
            assertEquals(Optional.empty(), session.quota(), "zeros with an empty project mean: unknown");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void anImportSendsEveryFieldAndIsConfirmedByTheList(ServerVersion version) throws Exception {
        // types.go UploadImageRequest; image.go UserUploadImage saves ImageUploadType (2).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            ImportRequest request = new ImportRequest(LINK, "my torch image", TaskType.PYTORCH,
                    List.of("CUDA", "Pytorch"), List.of("linux/amd64"));

            ImportOutcome outcome = session.importAndConfirm(request);

            assertTrue(outcome.confirmed());
            assertEquals(LINK, outcome.image().orElseThrow().link());
            JsonNode sent = PlatformSignInContractTest.json(
                    fixture.platform.requests("POST", "/api/v1/images/image").get(0).body());
            assertEquals(LINK, sent.path("imageLink").asText());
            assertEquals("my torch image", sent.path("description").asText());
            assertEquals("pytorch", sent.path("taskType").asText());
            assertEquals("torch", sent.path("imageName").asText());
            assertEquals("v1", sent.path("imageTag").asText());
            assertEquals("CUDA", sent.path("tags").path(0).asText());
            assertEquals("linux/amd64", sent.path("archs").path(0).asText());
            ImageRecord saved = fixture.platform.images().get(0);
            assertEquals("alice", saved.owner());
            assertEquals(2, saved.source(), "model.ImageUploadType");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void thePlatformSilentlyDropsALinkOver128Characters(ServerVersion version) throws Exception {
        // dao/model/image.go varchar(128); image.go UserUploadImage logs the insert error and answers success.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            String longLink = REGISTRY + "/user-alice/" + "a".repeat(129 - REGISTRY.length() - "/user-alice/:1".length()) + ":1";
            assertEquals(129, longLink.length());

            // Sent as is, past this client's check: success, and nothing saved.
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(fixture.platform.address() + "/api/v1/images/image"))
                    .header("Authorization", "Bearer " + session.tokens().accessToken())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"imageLink\":\"" + longLink + "\",\"description\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals(0, PlatformSignInContractTest.json(answer.body()).path("code").asInt());
            assertTrue(fixture.platform.images().isEmpty());

            // This client refuses it before sending, saying why.
            PlatformException refused = assertThrows(PlatformException.class,
                    () -> session.importAndConfirm(ImportRequest.of(longLink, "x")));
            assertEquals(PlatformException.Kind.INVALID_IMPORT, refused.kind());
            assertEquals(1, fixture.platform.requests("POST", "/api/v1/images/image").size(), "not sent");
            assertEquals("The image link has 129 characters; the platform keeps at most 128 and would silently drop "
                    + "a longer one. Use a shorter repository name or tag.",
                    new Translator(Language.ENGLISH).text(refused.reasons().get(0)));
        }
    }

    @Test
    void aDescriptionOver512CharactersIsRefusedBeforeSending() throws Exception {
        // dao/model/image.go: Description varchar(512).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformSession session = fixture.signIn();
            PlatformException refused = assertThrows(PlatformException.class,
                    () -> session.importImage(ImportRequest.of(LINK, "d".repeat(513))));
            assertEquals(PlatformException.Kind.INVALID_IMPORT, refused.kind());
            assertTrue(fixture.platform.requests("POST", "/api/v1/images/image").isEmpty());

            session.importImage(ImportRequest.of(LINK, "d".repeat(512)));
            assertEquals(1, fixture.platform.images().size(), "512 is still kept");
        }
    }

    @Test
    void aLinkDockerWouldReadAsDockerHubIsRefusedBeforeSending() throws Exception {
        // distribution/reference normalize.go splitDockerDomain: "harbor" (no dot, no port, not
        // localhost) is a Docker Hub namespace, so the platform's jobs would pull from Docker Hub.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(ServerVersion.CURRENT)) {
            PlatformSession session = fixture.signIn();
            PlatformException refused = assertThrows(PlatformException.class,
                    () -> session.importImage(ImportRequest.of("harbor/user-alice/torch:v1", "x")));
            assertEquals(PlatformException.Kind.INVALID_IMPORT, refused.kind());
            assertTrue(fixture.platform.requests("POST", "/api/v1/images/image").isEmpty(), "not sent");
            assertTrue(new Translator(Language.ENGLISH).text(refused.reasons().get(0)).contains("Docker Hub"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void anEmptyAnswerToAnImportIsNotConfirmed(ServerVersion version) throws Exception {
        // image.go UserUploadImage: a failed user lookup returns without a body.
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            fixture.platform.failNextImportUserLookup();
            PlatformException empty = assertThrows(PlatformException.class, () -> session.importImage(ImportRequest.of(LINK, "x")));
            assertEquals(PlatformException.Kind.EMPTY_ANSWER, empty.kind());
            assertEquals(200, empty.status());

            fixture.platform.failNextImportUserLookup();
            ImportOutcome outcome = session.importAndConfirm(ImportRequest.of(LINK, "x"));
            assertFalse(outcome.confirmed(), "the list decides, and it does not hold the link");
            assertEquals(Optional.empty(), outcome.image());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void malformedImportJsonIsABadRequestWithTheVersionsCode(ServerVersion version) throws Exception {
        // image.go UserUploadImage: BadRequestError (40001; 99999 before April 2025).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            PlatformSession session = fixture.signIn();
            JsonNode wrongType = PlatformSignInContractTest.json("{\"imageLink\": 5}");
            PlatformException bad = assertThrows(PlatformException.class,
                    () -> fixture.client.call(Endpoint.IMPORT, session.tokens().accessToken(), wrongType, 1 << 20));
            assertEquals(400, bad.status());
            assertEquals(version.badImportCode(), bad.code().getAsInt());
            assertTrue(bad.serverMessage().startsWith("validate upload parameters failed"), bad.serverMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerVersion.class)
    void myImportedImagesAreMineAndImported(ServerVersion version) throws Exception {
        // image.go UserListImage / types.go ImageInfo; creatorName before May 2025 (389c7ed5).
        try (FakePlatformFixture fixture = FakePlatformFixture.start(version)) {
            fixture.platform.publicImage("bob", REGISTRY + "/user-bob/shared:1");
            PlatformSession session = fixture.signIn();
            session.importImage(ImportRequest.of(LINK, "first"));
            session.importImage(ImportRequest.of(REGISTRY + "/user-alice/torch:v2", "second"));

            List<PlatformImage> all = session.images();
            assertEquals(3, all.size());
            assertEquals(REGISTRY + "/user-alice/torch:v2", all.get(0).link(), "newest first");

            List<PlatformImage> mine = session.myImportedImages();
            assertEquals(List.of(REGISTRY + "/user-alice/torch:v2", LINK), mine.stream().map(PlatformImage::link).toList());
            PlatformImage bobs = all.get(2);
            assertEquals("bob", bobs.owner());
            if (version.creatorNameInList()) {
                assertNull(bobs.buildSource(), "no imageBuildSource before May 2025");
            } else {
                assertEquals(1, bobs.buildSource());
            }
        }
    }
}
