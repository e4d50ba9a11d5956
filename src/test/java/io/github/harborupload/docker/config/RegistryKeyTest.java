package io.github.harborupload.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "gpu-harbor.act.buaa.edu.cn,                gpu-harbor.act.buaa.edu.cn",
            "https://gpu-harbor.act.buaa.edu.cn,        gpu-harbor.act.buaa.edu.cn",
            "https://gpu-harbor.act.buaa.edu.cn/,       gpu-harbor.act.buaa.edu.cn",
            "http://gpu-harbor.act.buaa.edu.cn,         gpu-harbor.act.buaa.edu.cn",
            "gpu-harbor.act.buaa.edu.cn/v1/,            gpu-harbor.act.buaa.edu.cn",
            "https://gpu-harbor.act.buaa.edu.cn/v2/,    gpu-harbor.act.buaa.edu.cn",
            "127.0.0.1:5000,                            127.0.0.1:5000",
            "http://127.0.0.1:5000/v2/,                 127.0.0.1:5000",
            "https://user@harbor.example:8443/path?q=1, harbor.example:8443",
            "'  harbor.example  ',                      harbor.example",
            "docker.io,                                 https://index.docker.io/v1/",
            "index.docker.io,                           https://index.docker.io/v1/",
            "https://index.docker.io/v1/,               https://index.docker.io/v1/",
            "registry-1.docker.io,                      registry-1.docker.io",
    })
    void keyIsTheHostnameOrTheDockerHubKey(String address, String key) {
        assertEquals(key, RegistryKey.of(address));
    }

    @Test
    void spellingsOfOneRegistryMatchAndOtherPortsDoNot() {
        assertTrue(RegistryKey.sameRegistry("https://Harbor.Example:8443/", "harbor.example:8443"));
        assertTrue(RegistryKey.sameRegistry("harbor.example/v1/", "http://harbor.example"));
        assertTrue(RegistryKey.sameRegistry("docker.io", "https://index.docker.io/v1/"));
        assertFalse(RegistryKey.sameRegistry("harbor.example", "harbor.example:8443"));
        assertFalse(RegistryKey.sameRegistry("harbor.example", "harbor.example.org"));
    }
}
