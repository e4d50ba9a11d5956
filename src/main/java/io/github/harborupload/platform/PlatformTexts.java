package io.github.harborupload.platform;

import io.github.harborupload.i18n.Text;

/** This package's user-facing text: task type names and why an import cannot be sent. */
final class PlatformTexts {

    static final String BUNDLE = "io.github.harborupload.platform.messages";

    private PlatformTexts() {
    }

    static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
