package io.github.harborupload.registry;

/**
 * Endpoints for the in-process registry stand-ins of other packages' tests: plain http, which the
 * main code never chooses by itself for such a host (RegistryEndpoint#plainHttp says why they
 * need it), kept out of the main code's public face.
 */
public final class StandInEndpoints {

    private StandInEndpoints() {
    }

    public static RegistryEndpoint plainHttp(String registry) {
        return RegistryEndpoint.plainHttp(registry);
    }
}
