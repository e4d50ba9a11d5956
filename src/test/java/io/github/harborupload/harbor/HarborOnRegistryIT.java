package io.github.harborupload.harbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.registry.RegistryEndpoint;
import io.github.harborupload.testsupport.TestStack;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Harbor client against the project's real registry, a plain distribution registry with no
 * Harbor API: every check is skipped, none fails.
 */
class HarborOnRegistryIT {

    @Test
    void aPlainRegistrySkipsEveryCheck() throws Exception {
        TestStack stack = TestStack.require();
        // Loopback is insecure to docker (moby registry/service.go): https unchecked, and plain HTTP
        // when https gets no answer, as RegistryEndpoint.chooseBase decides for the push.
        HarborClient plain = HarborClient.forRegistry(loopback(stack), new Credential(stack.user(), stack.password()));
        assertEquals(URI.create("http://" + stack.registry()), plain.apiBase(), "loopback without https: plain HTTP");

        HarborCheck<StorageQuota> quota = plain.projectQuota("user-" + stack.user());
        assertFalse(quota.isAnswered());
        assertTrue(quota.skipReason().orElseThrow().contains("HTTP 404"), quota.toString());
        assertFalse(plain.artifactExists("team", "nested/repo", "1").isAnswered());
        assertFalse(HarborClient.forRegistry(loopback(stack), null).artifactExists("a", "b", "c").isAnswered());
    }

    private static RegistryEndpoint loopback(TestStack stack) {
        return RegistryEndpoint.of(stack.registry(), true, Map.of(), Path.of("/nonexistent"));
    }
}
