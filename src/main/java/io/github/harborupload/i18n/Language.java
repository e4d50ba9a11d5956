package io.github.harborupload.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks, complete in both faces. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "English"),
    CHINESE("zh", Locale.SIMPLIFIED_CHINESE, "中文");

    private final String code;
    private final Locale locale;
    private final String ownName;

    Language(String code, Locale locale, String ownName) {
        this.code = code;
        this.locale = locale;
        this.ownName = ownName;
    }

    /** The language's name in itself, as a language menu shows it whatever the current language. */
    public String ownName() {
        return ownName;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** Chinese for any Chinese locale (zh, zh-CN, zh-TW, zh-Hans…), English otherwise. */
    public static Language fromLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** {@code en}, {@code zh}, or a locale tag such as {@code zh-CN}; empty when not understood. */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(code.trim().replace('_', '-'));
        return switch (locale.getLanguage()) {
            case "zh" -> Optional.of(CHINESE);
            case "en" -> Optional.of(ENGLISH);
            default -> Optional.empty();
        };
    }

    /** What the operating system asks for: the JVM's default display locale. */
    public static Language ofSystem() {
        return fromLocale(Locale.getDefault(Locale.Category.DISPLAY));
    }
}
