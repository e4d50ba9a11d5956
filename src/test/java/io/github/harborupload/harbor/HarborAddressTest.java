package io.github.harborupload.harbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HarborAddressTest {

    @ParameterizedTest
    @CsvSource({
            "gpu-harbor.act.buaa.edu.cn, https://gpu-harbor.act.buaa.edu.cn",
            "https://gpu-harbor.act.buaa.edu.cn/, https://gpu-harbor.act.buaa.edu.cn",
            "harbor.example.org:8443, https://harbor.example.org:8443",
            "127.0.0.1:5000, http://127.0.0.1:5000",
            "127.1.2.3:5000, http://127.1.2.3:5000",
            "localhost:5000, http://localhost:5000",
            "LOCALHOST, http://LOCALHOST",
            "[::1]:5000, http://[::1]:5000",
            "::1, http://[::1]",
            "127.0.0.1.example.org, https://127.0.0.1.example.org",
            "localhost.example.org:5000, https://localhost.example.org:5000"})
    void loopbackIsPlainHttpEverythingElseHttps(String registry, String expected) {
        assertEquals(URI.create(expected), HarborAddress.apiBase(registry));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "https://", "host/path", "user@host"})
    void whatIsNotAHostIsRefused(String registry) {
        assertThrows(IllegalArgumentException.class, () -> HarborAddress.apiBase(registry));
    }

    @ParameterizedTest
    @CsvSource({
            "https://gpu-harbor.act.buaa.edu.cn, gpu-harbor.act.buaa.edu.cn",
            "https://gpu-harbor.act.buaa.edu.cn/, gpu-harbor.act.buaa.edu.cn",
            "gpu-harbor.act.buaa.edu.cn, gpu-harbor.act.buaa.edu.cn",
            "http://127.0.0.1:5000//, 127.0.0.1:5000"})
    void dockerGetsTheHostWithoutScheme(String address, String host) {
        assertEquals(host, HarborAddress.withoutScheme(address));
    }
}
