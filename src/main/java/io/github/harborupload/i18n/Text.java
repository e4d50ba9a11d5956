package io.github.harborupload.i18n;

import java.util.List;
import java.util.Objects;

/**
 * A piece of user-facing text that is not yet in any language: the bundle it lives in, its key, and
 * the values for its placeholders. The engine layers hand these out; each face renders them with a
 * {@link Translator} for the user's language, so no layer below the faces decides the language.
 *
 * <p>An argument may itself be a {@code Text}; it is translated in the same language.
 */
public record Text(String bundle, String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Text of(String bundle, String key, Object... args) {
        return new Text(bundle, key, List.of(args));
    }
}
