package io.github.harborupload.flow;

import io.github.harborupload.settings.Settings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who pushes: the wizard itself (the default), or the Docker engine as {@code docker push} does. */
public enum PushMethod {
    /**
     * The project's own push: layers compressed on every core, sent in chunks that pass gateways'
     * body limits, every commit checked, so a gateway that times out while Harbor stores a large layer
     * does not make the push start again.
     */
    REGISTRY,
    /** Docker's own push: the fallback, e.g. for a registry only the engine's configuration reaches. */
    ENGINE;

    /** The method a user typed ({@code registry} or {@code engine}), in any case. */
    public static Optional<PushMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(method -> method.name().equalsIgnoreCase(value.strip())).findFirst();
    }

    /** The name a user types and the settings keep. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method the settings name. */
    public static PushMethod of(Settings settings) {
        return Settings.PUSH_VIA_ENGINE.equals(settings.pushVia()) ? ENGINE : REGISTRY;
    }
}
