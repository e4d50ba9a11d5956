package io.github.harborupload.flow;

import io.github.harborupload.docker.EngineException;
import io.github.harborupload.harbor.HarborAddress;
import io.github.harborupload.registry.RegistryEndpoint;

/**
 * How the flow reaches a registry host: one rule for the push, Harbor's checks before it and the
 * import's look at the pushed manifest, so that a Harbor whose push works (a campus CA in the
 * system store or certs.d, the engine's insecure list, a proxy) is not refused by the others.
 */
final class RegistryAccess {

    private RegistryAccess() {
    }

    /**
     * As docker does: loopback registries (the project's local stack) and those the engine's
     * configuration calls insecure are insecure (https unchecked, else http); all others are
     * checked https. An engine that cannot say leaves loopback only; the push then meets the
     * engine's failure itself, and names it.
     */
    static boolean isInsecure(Services services, String registry) {
        if ("http".equals(HarborAddress.apiBase(registry).getScheme())) {
            return true;
        }
        try {
            return services.engine().insecureRegistries().isInsecure(registry);
        } catch (EngineException unknown) {
            return false;
        }
    }

    /** The registry with the trust, certs.d and proxy that the project's own push uses (see {@code Services.pusher}). */
    static RegistryEndpoint endpoint(Services services, String registry) {
        Environment environment = services.environment();
        return RegistryEndpoint.of(registry, isInsecure(services, registry), environment.variables(), environment.home(),
                services.registryTrust());
    }
}
