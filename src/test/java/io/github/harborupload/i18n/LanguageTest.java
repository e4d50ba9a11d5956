package io.github.harborupload.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void anyChineseLocaleIsChinese() {
        assertEquals(Language.CHINESE, Language.fromLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Language.CHINESE, Language.fromLocale(Locale.TRADITIONAL_CHINESE));
        assertEquals(Language.CHINESE, Language.fromLocale(Locale.forLanguageTag("zh-Hans")));
    }

    @Test
    void everythingElseIsEnglish() {
        assertEquals(Language.ENGLISH, Language.fromLocale(Locale.GERMANY));
        assertEquals(Language.ENGLISH, Language.fromLocale(Locale.ROOT));
    }

    @Test
    void codesAcceptShortAndFullTags() {
        assertEquals(Optional.of(Language.CHINESE), Language.fromCode("zh"));
        assertEquals(Optional.of(Language.CHINESE), Language.fromCode("zh_CN"));
        assertEquals(Optional.of(Language.ENGLISH), Language.fromCode(" en-US "));
        assertEquals(Optional.empty(), Language.fromCode("fr"));
        assertEquals(Optional.empty(), Language.fromCode(""));
    }
}
