package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a registry's refusal is read: Harbor's texts from src/server/middleware/v2auth/auth.go. */
class RegistryFailuresTest {

    private static Answer answer(int status, String body) {
        return new Answer("POST", URI.create("http://h/v2/user-alice/repo/blobs/uploads/"), status,
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void harborsUnauthorizedToAccessRepositoryIsDeniedNotAWrongPassword() {
        String harbor = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized to access repository: "
                + "user-bob/repo, action: push: unauthorized to access repository: user-bob/repo, action: push\"}]}";
        assertEquals(RegistryException.Kind.DENIED, RegistryFailures.kindOf(answer(401, harbor)));
    }

    @Test
    void aPlain401IsTheLogin() {
        String refused = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";
        assertEquals(RegistryException.Kind.AUTH_REFUSED, RegistryFailures.kindOf(answer(401, refused)));
    }
}
