package io.github.harborupload.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders {@link Text} in one language. Each package keeps its own {@code messages.properties}
 * (English) and {@code messages_zh.properties} (Chinese) beside its classes.
 */
public final class Translator {

    /*
     * Without this control, ResourceBundle falls back to the JVM's default locale: an English user
     * on a Chinese system would get Chinese. The base bundle is English, so no fallback is needed.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;

    public Translator(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    public String text(Text text) {
        String pattern = bundle(text.bundle()).getString(text.key());
        Object[] args = text.args().stream().map(this::render).toArray();
        return new MessageFormat(pattern, locale()).format(args);
    }

    /** A key of a bundle with no arguments. */
    public String text(String bundle, String key, Object... args) {
        return text(Text.of(bundle, key, args));
    }

    public ResourceBundle bundle(String baseName) {
        try {
            return ResourceBundle.getBundle(baseName, locale(), Translator.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No message bundle " + baseName, e);
        }
    }

    private Object render(Object arg) {
        return arg instanceof Text nested ? text(nested) : arg;
    }
}
