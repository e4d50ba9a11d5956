package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Translator;

/** Renders violations the way the faces will, and fails on a message that did not render fully. */
final class Messages {

    static final Translator ENGLISH = new Translator(Language.ENGLISH);
    static final Translator CHINESE = new Translator(Language.CHINESE);

    private Messages() {
    }

    static String english(Violation violation) {
        return render(ENGLISH, violation.message());
    }

    static String chinese(Violation violation) {
        return render(CHINESE, violation.message());
    }

    static String render(Translator translator, Text text) {
        String rendered = translator.text(text);
        assertFalse(rendered.isBlank(), text.key());
        assertFalse(rendered.matches("(?s).*\\{\\d.*"), "placeholder left in " + text.key() + ": " + rendered);
        return rendered;
    }
}
