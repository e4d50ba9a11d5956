package io.github.harborupload.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated pastes, from fixed seeds so a failure repeats (the failing paste is in the
 * message): nothing throws, nothing unusable comes back without an error that says why, values
 * come back clean, and a credential hidden in any layout the platform has shipped, however a
 * browser mangled it, is found exactly.
 */
class GeneratedPastesTest {

    private static final int ROUNDS = 5000;
    private static final List<Translator> LANGUAGES = List.of(new Translator(Language.ENGLISH), new Translator(Language.CHINESE));
    /** What a value may never hold: spaces of any kind, line breaks, invisible characters. */
    private static final Pattern DIRTY = Pattern.compile("[\\s\\p{Z}\\p{Cf}\\p{Cc}]");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private static final String[] USERNAME_LABELS = {"用户名", "Username", "username", "USER NAME", "User name"};
    private static final String[] PASSWORD_LABELS = {"密码", "Password", "password", "PASSWORD"};
    private static final String[] SEPARATORS = {":", "：", ": ", "： ", " ", "\t", "\u00A0:\u00A0", ""};
    private static final String[] LINE_BREAKS = {"\n", "\r\n", "\r", "\u2028", "\u0085", "\n\n", "\r\n \r\n"};
    private static final String[] INVISIBLE = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A",
        "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C", "\u00AD"};
    private static final String[] NOISE_LINES = {"镜像仓库访问凭据", "请保存好您的用户名和密码，密码只会显示一次！", "仓库访问信息",
        "Harbor Registry", "重置密码", "关闭", "Close", "复制", "Copy", "加载中...", "×", "📋", "  ", "\t"};
    /** Pieces for text nobody would paste on purpose. */
    private static final String[] JUNK = {"用户名", "密码", "Username", "Password", "项目名称", "Project", "仓库地址", "Registry",
        ":", "：", " ", "\n", "\r", "\t", "\u0000", "\u0007", "•", "●", "*", "••••••••••", "user-", "https://", "/", "alice",
        "Ab3dE_fG-h1JkLmNoPq2", "-", "_", "中文", "é", "🐳", "\uD800", "\uDFFF", "\u202E", "\u200B", "\u00A0", "\u3000",
        "\u05D0", "\u0627", "label:", "null", "{}", "\"", "\\", "%s", "{0}", "'", "$(rm -rf /)"};

    @Test
    void anythingPastedIsReadWithoutThrowingAndEveryRefusalSaysWhy() {
        Random random = new Random(20261127L);
        int withCredential = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String pasted = junk(random);
            PastedCredentials parsed = parse(pasted);
            assertWellFormed(pasted, parsed);
            withCredential += parsed.credential().isPresent() ? 1 : 0;
        }
        assertTrue(withCredential > 0 && withCredential < ROUNDS, "the generator should make both kinds: " + withCredential);
    }

    @Test
    void aCredentialInAnyLayoutIsFoundExactly() {
        Random random = new Random(1127L);
        for (int i = 0; i < ROUNDS; i++) {
            Credential hidden = new Credential(username(random), password(random));
            String pasted = layout(random, hidden);
            PastedCredentials parsed = parse(pasted);
            assertEquals(Optional.of(hidden), parsed.credential(), () -> "in " + visible(pasted));
            assertFalse(parsed.hasErrors(), () -> parsed.issues() + " in " + visible(pasted));
            assertWellFormed(pasted, parsed);
        }
    }

    @Test
    void twoDifferentPasswordsAreNeverMixedUp() {
        Random random = new Random(2711L);
        for (int i = 0; i < ROUNDS / 5; i++) {
            String user = username(random);
            String pasted = layout(random, new Credential(user, password(random))) + pick(random, LINE_BREAKS)
                    + layout(random, new Credential(user, password(random)));
            PastedCredentials parsed = parse(pasted);
            assertEquals(List.of(CredentialIssue.SEVERAL_CREDENTIALS), parsed.issues(), () -> visible(pasted));
            assertEquals(Optional.empty(), parsed.password());
        }
    }

    @Test
    void thePlaceholderIsNeverTakenForAPassword() {
        Random random = new Random(7211L);
        for (int i = 0; i < ROUNDS / 5; i++) {
            String bullets = pick(random, new String[] {"•", "●", "∙", "⋅", "·", "・", "*", "＊"}).repeat(3 + random.nextInt(10));
            String pasted = layout(random, new Credential(username(random), bullets));
            PastedCredentials parsed = parse(pasted);
            assertEquals(Optional.empty(), parsed.password(), () -> visible(pasted));
            assertTrue(parsed.issues().contains(CredentialIssue.PASSWORD_PLACEHOLDER), () -> parsed.issues() + " in " + visible(pasted));
        }
    }

    /** Parses, turning anything thrown into a failure that shows the paste. */
    private static PastedCredentials parse(String pasted) {
        try {
            return PastedCredentialsParser.parse(pasted);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + visible(pasted), e);
        }
    }

    /** Every result: a refusal names an error, values are clean words, every issue renders in both languages. */
    private static void assertWellFormed(String pasted, PastedCredentials parsed) {
        Supplier<String> where = () -> parsed + " from " + visible(pasted);
        if (parsed.credential().isEmpty()) {
            assertTrue(parsed.hasErrors(), where);
        }
        if (parsed.hasErrors()) {
            assertTrue(parsed.issues().get(0).isError(), () -> "errors come first: " + where.get());
        }
        parsed.username().ifPresent(value -> assertClean(value, where));
        parsed.password().ifPresent(value -> assertClean(value, where));
        parsed.password().ifPresent(value -> assertFalse(CredentialRules.isPlaceholder(value), where));
        for (CredentialIssue issue : parsed.issues()) {
            for (Translator translator : LANGUAGES) {
                String text = translator.text(issue.text());
                assertFalse(text.isBlank() || text.contains("{"), issue + ": " + text);
            }
        }
    }

    private static void assertClean(String value, Supplier<String> where) {
        assertFalse(value.isEmpty(), where);
        assertFalse(DIRTY.matcher(value).find(), where);
    }

    // --- generators ----------------------------------------------------------------------------

    private static String junk(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            text.append(pick(random, JUNK));
        }
        if (random.nextInt(50) == 0) {
            text.append("x".repeat(random.nextInt(PastedCredentialsParser.MAX_LENGTH + 100)));
        }
        return text.toString();
    }

    /** A platform username with a digit, so it never reads as a label or a button ("password", "close"). */
    private static String username(Random random) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append("abcdefghijklmnopqrstuvwxyz0123456789._-".charAt(random.nextInt(i == 0 ? 26 : 39)));
        }
        return name.append(random.nextInt(10)).toString();
    }

    /** A password as the platform makes them: 20 characters of letters, digits, _ and -. */
    private static String password(Random random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < CredentialRules.PLATFORM_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * The credential in one of the layouts: the dialog (labels on their own lines), the command
     * line ({@code 用户名: …}), in either order, with noise lines, any line breaks, spaces and
     * separators, and invisible characters anywhere a browser puts them.
     */
    private static String layout(Random random, Credential credential) {
        List<String> lines = new ArrayList<>();
        boolean passwordFirst = random.nextInt(4) == 0;
        String[][] fields = passwordFirst
                ? new String[][] {{pick(random, PASSWORD_LABELS), credential.password()}, {pick(random, USERNAME_LABELS), credential.username()}}
                : new String[][] {{pick(random, USERNAME_LABELS), credential.username()}, {pick(random, PASSWORD_LABELS), credential.password()}};
        addNoise(random, lines);
        for (String[] field : fields) {
            String label = field[0];
            String value = mangle(random, field[1]);
            boolean sameLine = random.nextBoolean();
            if (sameLine) {
                String separator = pick(random, SEPARATORS);
                if (separator.isEmpty() && !label.matches("\\p{IsHan}+")) {
                    separator = ":"; // only a Chinese label may run straight into its value
                }
                lines.add(spaces(random) + label + separator + value + spaces(random));
            } else {
                lines.add(spaces(random) + label + spaces(random));
                if (random.nextInt(3) == 0) {
                    lines.add(spaces(random));
                }
                lines.add(spaces(random) + value + spaces(random));
            }
            addNoise(random, lines);
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(pick(random, LINE_BREAKS));
        }
        return text.toString();
    }

    private static void addNoise(Random random, List<String> lines) {
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            lines.add(pick(random, NOISE_LINES));
        }
    }

    /** The value with invisible characters where a browser copy may leave them. */
    private static String mangle(Random random, String value) {
        StringBuilder mangled = new StringBuilder(value);
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mangled.insert(random.nextInt(mangled.length() + 1), pick(random, INVISIBLE));
        }
        return mangled.toString();
    }

    private static String spaces(Random random) {
        return pick(random, new String[] {"", "", "", " ", "  ", "\t", "\u00A0", "\u3000", "\u200B"});
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The paste with its invisible characters and line breaks spelled out, for a failure message. */
    private static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> {
            if (c == '\n') {
                shown.append("⏎\n");
            } else if (Character.getType(c) == Character.FORMAT || Character.isISOControl(c) || Character.isSpaceChar(c) && c != ' ') {
                shown.append(String.format("<U+%04X>", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
