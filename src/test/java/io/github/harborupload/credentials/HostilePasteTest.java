package io.github.harborupload.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pastes nobody means to make: far too long, binary, full of invisible and right-to-left
 * characters. None throws; each is read or refused with a reason.
 */
class HostilePasteTest {

    private static final String PASSWORD = "Ab3dE_fG-h1JkLmNoPq2";
    private static final String DIALOG = "用户名\nalice\n密码\n" + PASSWORD + "\n";

    @Test
    void tenMegabytesAreRefusedAsTooLongWithoutBeingRead() {
        String huge = DIALOG.repeat(10 * (1 << 20) / DIALOG.length());
        PastedCredentials parsed = PastedCredentialsParser.parse(huge);
        assertEquals(List.of(CredentialIssue.PASTE_TOO_LONG), parsed.issues());
        assertEquals(Optional.empty(), parsed.username(), "nothing is taken from a refused paste");
    }

    @Test
    void aPasteJustWithinTheLimitIsStillRead() {
        String noise = "页面上的其他文字。".repeat(PastedCredentialsParser.MAX_LENGTH);
        String page = noise.substring(0, PastedCredentialsParser.MAX_LENGTH - DIALOG.length() - 1) + "\n" + DIALOG;
        assertEquals(PastedCredentialsParser.MAX_LENGTH, page.length());
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), PastedCredentialsParser.parse(page).credential());
        assertEquals(List.of(CredentialIssue.PASTE_TOO_LONG), PastedCredentialsParser.parse(page + " ").issues());
    }

    @Test
    void binaryIsNothingRecognised() {
        byte[] bytes = new byte[8192];
        new SplittableRandom(7).nextBytes(bytes);
        for (String text : List.of(new String(bytes, StandardCharsets.ISO_8859_1), new String(bytes, StandardCharsets.UTF_8),
                "\u0000".repeat(100), "\u0000用户名\u0000alice\u0000")) {
            PastedCredentials parsed = PastedCredentialsParser.parse(text);
            assertTrue(parsed.hasErrors(), parsed.toString());
        }
    }

    @Test
    void directionMarksAndOverridesAroundAValueAreDropped() {
        // A copy from a right-to-left page carries marks around the text; inside a password they
        // would make a login fail that looks right on the screen.
        for (String mark : List.of("\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u061C", "\u00AD")) {
            String pasted = "用户名\n" + mark + "alice" + mark + "\n密码\n" + mark + PASSWORD.substring(0, 5) + mark
                    + PASSWORD.substring(5) + mark + "\n";
            PastedCredentials parsed = PastedCredentialsParser.parse(pasted);
            assertEquals(Optional.of(new Credential("alice", PASSWORD)), parsed.credential(), "U+" + Integer.toHexString(mark.charAt(0)));
            assertEquals(List.of(), parsed.issues());
        }
    }

    @Test
    void rightToLeftLettersAreText() {
        PastedCredentials parsed = PastedCredentialsParser.parse("Username: \u05D0\u05D1\u05D2\nPassword: " + PASSWORD);
        assertEquals(Optional.of(new Credential("\u05D0\u05D1\u05D2", PASSWORD)), parsed.credential());
    }

    @Test
    void onlyInvisibleCharactersIsNothingPasted() {
        assertEquals(List.of(CredentialIssue.NOTHING_PASTED),
                PastedCredentialsParser.parse("\u200B\u200F\u202E\u2066 \u00A0\t\n\u3000").issues());
    }
}
