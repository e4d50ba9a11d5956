package io.github.harborupload.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PastedCredentialsParserTest {

    private static final String PASSWORD = "Ab3dE_fG-h1JkLmNoPq2";
    private static final String HARBOR = "gpu-harbor.act.buaa.edu.cn";

    // --- the dialog layouts the platform has shipped ------------------------------------------

    @Test
    void dialogCCopiedWholeGivesEverything() {
        PastedCredentials result = parse(fixture("dialog-c-copied-whole.txt"));
        assertEquals(Optional.of("alice"), result.username());
        assertEquals(Optional.of(PASSWORD), result.password());
        assertEquals(Optional.of(HARBOR), result.registry());
        assertEquals(Optional.of("user-alice"), result.project());
        assertEquals(List.of(), result.issues());
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
    }

    @Test
    void dialogCBeforeTheResetAsksForAReset() {
        PastedCredentials result = parse(fixture("dialog-c-before-reset.txt"));
        assertEquals(List.of(CredentialIssue.PASSWORD_PLACEHOLDER), result.issues());
        assertEquals(Optional.of("alice"), result.username(), "the username still fills its field");
        assertEquals(Optional.empty(), result.password());
        assertTrue(result.hasErrors());
        assertEquals(Optional.empty(), result.credential());
    }

    @Test
    void dialogCWhileTheAddressIsLoadingHasNoRegistry() {
        PastedCredentials result = parse(fixture("dialog-c-loading.txt"));
        assertEquals(Optional.empty(), result.registry());
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
    }

    @Test
    void dialogACopiedWholeHasOnlyLabelsAndTheAddress() {
        PastedCredentials result = parse(fixture("dialog-a-copied-whole.txt"));
        assertEquals(List.of(CredentialIssue.LABELS_ONLY), result.issues());
        assertEquals(Optional.of(HARBOR), result.registry(), "scheme and trailing slash stripped");
        assertEquals(Optional.empty(), result.username());
    }

    @Test
    void dialogBCopiedWholeHasOnlyLabels() {
        PastedCredentials result = parse(fixture("dialog-b-copied-whole.txt"));
        assertEquals(List.of(CredentialIssue.LABELS_ONLY), result.issues());
        assertEquals(Optional.of(HARBOR), result.registry(), "the address on the line after its label");
    }

    @Test
    void dialogCWithWindowsLineEndingsTabsAndNoBreakSpaces() {
        String text = fixture("dialog-c-copied-whole.txt")
                .replace("\n", "\r\n")
                .replace("用户名\r\n", "\t用户名\u00A0\r\n\r\n")
                .replace("alice\r\n", "  alice\t \r\n");
        PastedCredentials result = parse(text);
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
        assertEquals(List.of(), result.issues());
    }

    // --- the platform command line ---------------------------------------------------------------

    @Test
    void commandLineInChinese() {
        PastedCredentials result = parse(fixture("cli-zh.txt"));
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
        assertEquals(List.of(), result.issues());
    }

    @Test
    void commandLineInEnglishWithAPasswordStartingWithADash() {
        PastedCredentials result = parse(fixture("cli-en.txt"));
        assertEquals(Optional.of(new Credential("alice", "-b3dE_fG-h1JkLmNoPq2")), result.credential());
        assertEquals(List.of(), result.issues());
    }

    @Test
    void englishLabelsInAnyCase() {
        PastedCredentials result = parse("USERNAME: alice\npassword : " + PASSWORD + "\nREGISTRY: http://127.0.0.1:5000/");
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
        assertEquals(Optional.of("127.0.0.1:5000"), result.registry(), "the port is kept");
    }

    // --- separators, mixed languages and copy debris ---------------------------------------------

    @Test
    void valuesOnTheSameLineAfterAnySeparator() {
        assertFinds("用户名：alice\n密码：" + PASSWORD);
        assertFinds("用户名 alice\n密码 " + PASSWORD);
        assertFinds("用户名\talice\n密码\t" + PASSWORD);
        assertFinds("Username:alice\nPassword:" + PASSWORD);
        assertFinds("User name  :  alice\nPassword\t:\t" + PASSWORD);
    }

    @Test
    void chineseLabelsRunningStraightIntoTheirValues() {
        PastedCredentials result = parse("仓库地址https://gpu-harbor.act.buaa.edu.cn\n项目名称user-alice\n用户名alice\n密码" + PASSWORD);
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
        assertEquals(Optional.of(HARBOR), result.registry());
        assertEquals(List.of(CredentialIssue.PASSWORD_PLACEHOLDER), parse("用户名alice\n密码••••••••••").issues());
    }

    @Test
    void aLabelOnTheNextLineIsNotTheValue() {
        PastedCredentials result = parse("Password:\nUser name: alice");
        assertEquals(List.of(CredentialIssue.PASSWORD_MISSING), result.issues());
        assertEquals(Optional.of("alice"), result.username());
    }

    @Test
    void valuesOnTheNextNonEmptyLine() {
        assertFinds("用户名\n\n   \nalice\n\n密码\n\n" + PASSWORD + "\n");
    }

    @Test
    void mixedLanguagesAndMixedPlacement() {
        assertFinds("Username：alice\n密码\n" + PASSWORD);
        assertFinds("用户名\nalice\nPassword: " + PASSWORD);
    }

    @Test
    void leadingAndTrailingSpacesAroundValuesAreDropped() {
        assertFinds("  用户名 :   alice   \n   密码:    " + PASSWORD + "    ");
    }

    @Test
    void zeroWidthCharactersAreStrippedEvenInsideValues() {
        String password = "Ab3dE\u200B_fG-h1J\uFEFFkLmNo\u200DPq2\u200C";
        assertFinds("\uFEFF用户名:\u200B ali\u200Bce\n密码: " + password);
    }

    @Test
    void copyButtonGlyphsAndCopyWordsAreIgnored() {
        assertFinds("用户名\nalice 📋\n复制\n密码\n" + PASSWORD + " ⧉\nCopy\n已复制");
        assertFinds("Username: alice Copy\nPassword: " + PASSWORD + " 复制");
    }

    @Test
    void fullWidthSpacesAndColons() {
        assertFinds("用户名：\u3000alice\n密码：\u3000" + PASSWORD);
    }

    @Test
    void noiseLinesDoNotPassForValues() {
        PastedCredentials result = parse("Username\nClose\nPassword\nHarbor Registry\n关闭");
        assertEquals(List.of(CredentialIssue.LABELS_ONLY), result.issues());
    }

    @Test
    void aLabelWithNothingAfterItTakesNoValue() {
        PastedCredentials result = parse("用户名：\n密码: " + PASSWORD);
        assertEquals(List.of(CredentialIssue.USERNAME_MISSING), result.issues());
        assertEquals(Optional.of(PASSWORD), result.password());
    }

    @Test
    void wordsThatStartLikeALabelAreNotLabels() {
        PastedCredentials result = parse("Passwords are shown once\n密码只会显示一次\nUsernames: none\n用户名和密码");
        assertEquals(List.of(CredentialIssue.NOTHING_RECOGNISED), result.issues());
    }

    @Test
    void theUsernameComesFromTheProjectWhenItsLabelIsMissing() {
        PastedCredentials result = parse("项目名称\nuser-alice\n密码\n" + PASSWORD);
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential());
        PastedCredentials english = parse("Project: user-bob\nPassword: " + PASSWORD);
        assertEquals(Optional.of("bob"), english.username());
        PastedCredentials shortLabel = parse("项目名: user-carol\n密码: " + PASSWORD);
        assertEquals(Optional.of("carol"), shortLabel.username());
    }

    @Test
    void theSameCredentialPastedTwiceIsStillOne() {
        String once = "用户名: alice\n密码: " + PASSWORD + "\n";
        assertFinds(once + once + fixture("dialog-c-copied-whole.txt"));
    }

    @Test
    void aRealPasswordWinsOverAPlaceholderPastedWithIt() {
        assertFinds(fixture("dialog-c-before-reset.txt") + "\n" + fixture("dialog-c-copied-whole.txt"));
    }

    @Test
    void aLonePasswordFromTheCopyButtonIsAPassword() {
        PastedCredentials result = parse("  -" + PASSWORD.substring(1) + "\n");
        assertEquals(Optional.of("-" + PASSWORD.substring(1)), result.password());
        assertEquals(List.of(CredentialIssue.USERNAME_MISSING), result.issues());
    }

    @Test
    void aLonePlaceholderAsksForAReset() {
        assertEquals(List.of(CredentialIssue.PASSWORD_PLACEHOLDER), parse("••••••••••").issues());
    }

    @Test
    void placeholderLookAlikesAreRecognised() {
        for (String dots : List.of("••••••••••", "•••", "**********", "··········", "●●●●●●")) {
            PastedCredentials result = parse("用户名: alice\n密码: " + dots);
            assertEquals(List.of(CredentialIssue.PASSWORD_PLACEHOLDER), result.issues(), dots);
        }
    }

    // --- problems ---------------------------------------------------------------------------------

    @Test
    void nothingPasted() {
        for (String empty : new String[] {null, "", "   ", "\n\r\n\t", "\u200B\uFEFF", "\u00A0\u3000"}) {
            assertEquals(List.of(CredentialIssue.NOTHING_PASTED), parse(empty).issues());
        }
    }

    @Test
    void nothingRecognised() {
        assertEquals(List.of(CredentialIssue.NOTHING_RECOGNISED), parse("hello world\n你好").issues());
        assertEquals(List.of(CredentialIssue.NOTHING_RECOGNISED), parse("alice").issues(),
                "a lone short word is not a password");
        assertEquals(List.of(CredentialIssue.NOTHING_RECOGNISED), parse("关闭\nClose").issues());
    }

    @Test
    void usernameWithoutPassword() {
        PastedCredentials result = parse("用户名\nalice\n");
        assertEquals(List.of(CredentialIssue.PASSWORD_MISSING), result.issues());
        assertEquals(Optional.of("alice"), result.username());
        assertEquals(Optional.empty(), result.credential());
    }

    @Test
    void passwordWithoutUsername() {
        PastedCredentials result = parse("Password: " + PASSWORD);
        assertEquals(List.of(CredentialIssue.USERNAME_MISSING), result.issues());
        assertEquals(Optional.of(PASSWORD), result.password());
    }

    @Test
    void twoDifferentBlocksAskToPasteOne() {
        PastedCredentials differentPasswords = parse("用户名: alice\n密码: " + PASSWORD + "\n用户名: alice\n密码: Zz9yX_wV-u8TsRqPoNm7");
        assertEquals(List.of(CredentialIssue.SEVERAL_CREDENTIALS), differentPasswords.issues());
        assertEquals(Optional.empty(), differentPasswords.password(), "no guess between two passwords");
        PastedCredentials differentUsers = parse("Username: alice\nUsername: bob\nPassword: " + PASSWORD);
        assertEquals(List.of(CredentialIssue.SEVERAL_CREDENTIALS), differentUsers.issues());
        PastedCredentials projectOfSomeoneElse = parse("项目名称 user-bob\n用户名 alice\n密码 " + PASSWORD);
        assertEquals(List.of(CredentialIssue.SEVERAL_CREDENTIALS), projectOfSomeoneElse.issues());
    }

    @Test
    void anUnusualPasswordIsKeptWithAWarning() {
        PastedCredentials result = parse("用户名: alice\n密码: Short1pass");
        assertEquals(Optional.of(new Credential("alice", "Short1pass")), result.credential());
        assertEquals(List.of(CredentialIssue.PASSWORD_UNUSUAL_LENGTH), result.issues());
        assertFalse(result.hasErrors());
    }

    @Test
    void warningsComeAfterTheErrors() {
        PastedCredentials result = parse("密码: Short1pass");
        assertEquals(List.of(CredentialIssue.USERNAME_MISSING, CredentialIssue.PASSWORD_UNUSUAL_LENGTH), result.issues());
    }

    @Test
    void toStringNeverShowsThePassword() {
        PastedCredentials result = parse(fixture("dialog-c-copied-whole.txt"));
        assertFalse(result.toString().contains(PASSWORD), result.toString().replace(PASSWORD, "<leaked>"));
        assertTrue(result.toString().contains("alice"));
        assertFalse(result.credential().orElseThrow().toString().contains(PASSWORD));
    }

    private static void assertFinds(String pasted) {
        PastedCredentials result = parse(pasted);
        assertEquals(Optional.of(new Credential("alice", PASSWORD)), result.credential(), pasted);
        assertEquals(Optional.of(PASSWORD), result.password(), pasted);
        assertEquals(List.of(), result.issues(), pasted);
    }

    private static PastedCredentials parse(String text) {
        return PastedCredentialsParser.parse(text);
    }

    static String fixture(String name) {
        try (InputStream in = PastedCredentialsParserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
