package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerConfigFolderTest {

    private static final Path HOME = Path.of("/home/me");

    @Test
    void itIsDotDockerInTheHomeFolderUnlessDockerConfigIsSet() {
        assertEquals(Path.of("/home/me/.docker"), DockerConfigFolder.locate(Map.of(), HOME).path());
        assertEquals(Path.of("/home/me/.docker"), DockerConfigFolder.locate(Map.of("DOCKER_CONFIG", ""), HOME).path());
        assertEquals(Path.of("/tmp/stack/docker-config"),
                DockerConfigFolder.locate(Map.of("DOCKER_CONFIG", "/tmp/stack/docker-config"), HOME).path());
    }

    @Test
    void itHoldsConfigJsonAndTheContextsUnderTheSha256OfTheirNames() {
        DockerConfigFolder folder = DockerConfigFolder.locate(Map.of(), HOME);
        // printf remote | sha256sum
        String remote = "b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a";

        assertEquals(Path.of("/home/me/.docker/config.json"), folder.configFile());
        assertEquals(Path.of("/home/me/.docker/contexts/meta/" + remote + "/meta.json"), folder.contextMetaFile("remote"));
        assertEquals(Path.of("/home/me/.docker/contexts/tls/" + remote + "/docker"), folder.contextTlsFolder("remote"));
    }
}
