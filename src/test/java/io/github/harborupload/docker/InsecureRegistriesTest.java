package io.github.harborupload.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker's rule for plain http (registry/config.go, isSecureIndex): the daemon's index config for
 * the registry's name first (its insecure-registries list), then the insecure CIDRs, the name
 * resolved to its addresses (127.0.0.0/8 is always there).
 */
class InsecureRegistriesTest {

    private static InetAddress[] address(String ip) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private static final InsecureRegistries CONFIGURED = new InsecureRegistries(
            List.of("127.0.0.0/8", "10.20.0.0/16", "fd00::/8"),
            Map.of("harbor.lab:8080", false, "docker.io", true, "10.20.1.1:5000", true),
            host -> switch (host) {
                case "harbor.lab", "gpu-harbor.campus" -> address("10.20.3.4");
                case "public.example" -> address("93.184.216.34");
                default -> throw new UnknownHostException(host);
            });

    @Test
    void aNameOnTheInsecureListIsPlainHttpOnlyWithItsPort() {
        assertTrue(CONFIGURED.isInsecure("harbor.lab:8080"));
    }

    @Test
    void anAddressInAnInsecureCidrIsPlainHttpWhetherNamedOrNot() {
        assertTrue(CONFIGURED.isInsecure("10.20.9.9:5000"));
        assertTrue(CONFIGURED.isInsecure("gpu-harbor.campus"), "resolved into 10.20.0.0/16");
        assertTrue(CONFIGURED.isInsecure("127.0.0.1:6700"));
        assertTrue(CONFIGURED.isInsecure("[fd00::5]:5000"));
    }

    @Test
    void anIndexConfigMarkedSecureWinsOverTheCidrs() {
        assertFalse(CONFIGURED.isInsecure("10.20.1.1:5000"));
    }

    @Test
    void everythingElseIsHttpsIncludingNamesThatDoNotResolve() {
        assertFalse(CONFIGURED.isInsecure("public.example"));
        assertFalse(CONFIGURED.isInsecure("nowhere.invalid:5000"));
        assertFalse(CONFIGURED.isInsecure("[2001:db8::1]:5000"));
    }

    @Test
    void dockersDefaultIsLoopbackOnly() {
        assertTrue(InsecureRegistries.DOCKER_DEFAULT.isInsecure("127.0.0.1:5000"));
        assertFalse(InsecureRegistries.DOCKER_DEFAULT.isInsecure("8.8.8.8"));
        assertEquals("::1", InsecureRegistries.hostOf("[::1]:5000"));
        assertEquals("harbor.lab", InsecureRegistries.hostOf("harbor.lab:8080"));
    }
}
