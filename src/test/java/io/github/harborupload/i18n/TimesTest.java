package io.github.harborupload.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 14: the durations and ages both faces print, once (they were ui/common/Formats and cli/Units). */
class TimesTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Translator CHINESE = new Translator(Language.CHINESE);

    @Test
    void durationsRoundToWholeMinutesOnceTheyPassOne() {
        assertEquals("59 s", ENGLISH.text(Times.duration(59)));
        assertEquals("2 min", ENGLISH.text(Times.duration(90)));
        assertEquals("1 h 2 min", ENGLISH.text(Times.duration(3_700)));
        assertEquals("1 小时 2 分钟", CHINESE.text(Times.duration(3_700)));
        assertEquals("about 12 s left", ENGLISH.text(Times.timeLeft(12).orElseThrow()));
        assertTrue(Times.timeLeft(-1).isEmpty(), "unknown says nothing");
    }

    @Test
    void agesCountInTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        assertEquals("just now", ENGLISH.text(Times.age(now.minusSeconds(59), now)));
        assertEquals("just now", ENGLISH.text(Times.age(now.plusSeconds(5), now)), "a clock a little ahead");
        assertEquals("5 min ago", ENGLISH.text(Times.age(now.minusSeconds(300), now)));
        assertEquals("3 days ago", ENGLISH.text(Times.age(now.minusSeconds(3 * 86_400), now)));
        assertEquals("3 个月前", CHINESE.text(Times.age(now.minusSeconds(90L * 86_400), now)));
    }
}
