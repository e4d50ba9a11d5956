package io.github.harborupload.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    @Test
    void usernames() {
        assertEquals(Optional.empty(), CredentialRules.checkUsername("alice"));
        assertEquals(Optional.empty(), CredentialRules.checkUsername("liu.yizhou_2"));
        assertEquals(Optional.of(CredentialIssue.USERNAME_EMPTY), CredentialRules.checkUsername(null));
        assertEquals(Optional.of(CredentialIssue.USERNAME_EMPTY), CredentialRules.checkUsername(""));
        assertEquals(Optional.of(CredentialIssue.USERNAME_EMPTY), CredentialRules.checkUsername("  "));
        assertEquals(Optional.of(CredentialIssue.USERNAME_HAS_SPACE), CredentialRules.checkUsername("al ice"));
        assertEquals(Optional.of(CredentialIssue.USERNAME_HAS_SPACE), CredentialRules.checkUsername("alice\t"));
        assertEquals(Optional.of(CredentialIssue.USERNAME_HAS_SPACE), CredentialRules.checkUsername("alice\u00A0"));
        assertEquals(Optional.of(CredentialIssue.USERNAME_HAS_SPACE), CredentialRules.checkUsername("\u3000alice"));
    }

    @Test
    void platformPasswordsPass() {
        assertEquals(Optional.empty(), CredentialRules.checkPassword("Ab3dE_fG-h1JkLmNoPq2"));
        assertEquals(Optional.empty(), CredentialRules.checkPassword("-b3dE_fG-h1JkLmNoPq-"));
        assertEquals(Optional.empty(), CredentialRules.checkPassword("____________________"));
    }

    @Test
    void emptyAndPlaceholderPasswordsAreErrors() {
        assertError(CredentialIssue.PASSWORD_EMPTY, CredentialRules.checkPassword(null));
        assertError(CredentialIssue.PASSWORD_EMPTY, CredentialRules.checkPassword(""));
        assertError(CredentialIssue.PASSWORD_EMPTY, CredentialRules.checkPassword(" \t"));
        assertError(CredentialIssue.PASSWORD_PLACEHOLDER, CredentialRules.checkPassword("••••••••••"));
        assertError(CredentialIssue.PASSWORD_PLACEHOLDER, CredentialRules.checkPassword("*****"));
    }

    @Test
    void otherPasswordsAreOnlyWarnings() {
        // Harbor's web page allows 8 to 128 characters of any kind once the user changes it there.
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_LENGTH, CredentialRules.checkPassword("Harbor12345"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_LENGTH, CredentialRules.checkPassword("Ab3dE_fG-h1JkLmNoPq2x"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_LENGTH, CredentialRules.checkPassword("Ab3dE_fG-h1JkLmNoPq"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_CHARACTERS, CredentialRules.checkPassword("My!Secret#Passw0rd"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_CHARACTERS, CredentialRules.checkPassword(" Ab3dE_fG-h1JkLmNoPq2"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_CHARACTERS, CredentialRules.checkPassword("Ab3dE_fG-h1JkLmNoPq2\n"));
        assertWarning(CredentialIssue.PASSWORD_UNUSUAL_CHARACTERS, CredentialRules.checkPassword("Ab3dE_fG-h1JkLmNoPé"));
    }

    @Test
    void everyIssueSpeaksBothLanguages() {
        Translator english = new Translator(Language.ENGLISH);
        Translator chinese = new Translator(Language.CHINESE);
        for (CredentialIssue issue : CredentialIssue.values()) {
            String en = english.text(issue.text());
            String zh = chinese.text(issue.text());
            assertFalse(en.isBlank(), issue.name());
            assertNotEquals(en, zh, issue.name());
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), issue.name());
        }
    }

    @Test
    void apostrophesSurviveFormatting() {
        String en = new Translator(Language.ENGLISH).text(CredentialIssue.NOTHING_RECOGNISED.text());
        assertTrue(en.contains("platform's"), en);
    }

    private static void assertError(CredentialIssue expected, Optional<CredentialIssue> actual) {
        assertEquals(Optional.of(expected), actual);
        assertTrue(expected.isError());
    }

    private static void assertWarning(CredentialIssue expected, Optional<CredentialIssue> actual) {
        assertEquals(Optional.of(expected), actual);
        assertFalse(expected.isError());
    }
}
