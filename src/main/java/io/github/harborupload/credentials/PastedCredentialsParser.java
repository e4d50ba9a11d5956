package io.github.harborupload.credentials;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Harbor username and password out of whatever the user copied from the platform: any of the
 * credential dialogs it has shipped (labels on their own line with the value on the next, or the
 * address in the description line), or the platform command line's {@code Username: …} /
 * {@code 用户名: …} output.
 *
 * <p>A label is {@code 用户名}/{@code Username}, {@code 密码}/{@code Password}, {@code 项目名称}/{@code 项目名}/
 * {@code Project} or {@code 仓库地址}/{@code Harbor仓库地址}/{@code Registry} at the start of a line. Its
 * value follows on the same line (after {@code :}, {@code ：}, a space, or straight after a Chinese
 * label) or is the next line that is not itself a label. A value
 * is one word with no Chinese in it; a password may start with {@code -}. Without a username label
 * the username comes from the project name {@code user-<name>}. When the paste is a single word
 * shaped like a platform password (the per-field copy button), it is taken as the password.
 */
public final class PastedCredentialsParser {

    /**
     * The longest paste that is read. A credential dialog is under 1 000 characters and a whole
     * page of the platform copied with it a few thousand; reading takes time in proportion (up to a
     * second a megabyte on a slow machine), and the window reads on every change of the paste area.
     */
    public static final int MAX_LENGTH = 32 * 1024;

    private static final String PROJECT_PREFIX = "user-";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    private PastedCredentialsParser() {
    }

    /** Never throws; a paste with nothing usable comes back with an error issue saying why. */
    public static PastedCredentials parse(String pasted) {
        if (pasted != null && pasted.length() > MAX_LENGTH) {
            return PastedCredentials.only(CredentialIssue.PASTE_TOO_LONG);
        }
        if (pasted == null || PastedLines.isBlank(pasted)) {
            return PastedCredentials.only(CredentialIssue.NOTHING_PASTED);
        }
        List<String> lines = PastedLines.of(pasted);
        Findings findings = find(lines);
        if (!findings.anyLabel) {
            return parseBareWord(lines);
        }
        return findings.decide();
    }

    private static Findings find(List<String> lines) {
        Findings findings = new Findings();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Label.Match> match = Label.at(lines.get(i));
            if (match.isEmpty()) {
                continue;
            }
            findings.anyLabel = true;
            String value = PastedLines.firstWord(match.get().rest());
            if (value.isEmpty() && i + 1 < lines.size() && isValueLine(lines.get(i + 1))) {
                i++;
                value = PastedLines.firstWord(lines.get(i));
            }
            if (isValue(value)) {
                findings.add(match.get().label(), value);
            }
        }
        return findings;
    }

    /** The per-field copy buttons copy the bare value, so a lone password-shaped word is a password. */
    private static PastedCredentials parseBareWord(List<String> lines) {
        if (lines.size() == 1 && lines.get(0).indexOf(' ') < 0) {
            String word = lines.get(0);
            if (CredentialRules.isPlaceholder(word)) {
                return PastedCredentials.only(CredentialIssue.PASSWORD_PLACEHOLDER);
            }
            if (CredentialRules.looksLikePlatformPassword(word)) {
                return new PastedCredentials(null, word, null, null, List.of(CredentialIssue.USERNAME_MISSING));
            }
        }
        return PastedCredentials.only(CredentialIssue.NOTHING_RECOGNISED);
    }

    private static boolean isValueLine(String line) {
        return Label.at(line).isEmpty() && isValue(PastedLines.firstWord(line));
    }

    /**
     * A value is a word that is neither Chinese text (a title or an alert) nor another label; the
     * placeholder is one too, even drawn in full-width asterisks.
     */
    private static boolean isValue(String word) {
        return !word.isEmpty() && Label.at(word).isEmpty()
                && (CredentialRules.isPlaceholder(word) || word.codePoints().noneMatch(PastedCredentialsParser::isChinese));
    }

    private static boolean isChinese(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || (codePoint >= 0x3000 && codePoint <= 0x303F)   // CJK punctuation
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);  // full-width forms: ：，！
    }

    /** {@code https://gpu-harbor.act.buaa.edu.cn/} becomes {@code gpu-harbor.act.buaa.edu.cn}. */
    static String registryHost(String address) {
        String host = SCHEME.matcher(address).replaceFirst("");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    /** Every distinct value seen for each label, in order, and whether a placeholder was seen. */
    private static final class Findings {
        private final Map<Label, Set<String>> values = new EnumMap<>(Label.class);
        private boolean anyLabel;
        private boolean placeholder;

        Findings() {
            for (Label label : Label.values()) {
                values.put(label, new LinkedHashSet<>());
            }
        }

        void add(Label label, String value) {
            switch (label) {
                case PASSWORD -> {
                    if (CredentialRules.isPlaceholder(value)) {
                        placeholder = true;
                    } else {
                        values.get(label).add(value);
                    }
                }
                case REGISTRY -> {
                    String host = registryHost(value);
                    if (!host.isEmpty()) {
                        values.get(label).add(host);
                    }
                }
                default -> values.get(label).add(value);
            }
        }

        PastedCredentials decide() {
            Set<String> usernames = values.get(Label.USERNAME);
            Set<String> projectUsers = new LinkedHashSet<>();
            for (String project : values.get(Label.PROJECT)) {
                if (project.toLowerCase(Locale.ROOT).startsWith(PROJECT_PREFIX) && project.length() > PROJECT_PREFIX.length()) {
                    projectUsers.add(project.substring(PROJECT_PREFIX.length()));
                }
            }
            boolean projectDisagrees = !usernames.isEmpty() && !usernames.containsAll(projectUsers);
            if (usernames.isEmpty()) {
                usernames = projectUsers;
            }
            Set<String> passwords = values.get(Label.PASSWORD);
            String registry = single(values.get(Label.REGISTRY));
            String project = single(values.get(Label.PROJECT));
            if (usernames.size() > 1 || passwords.size() > 1 || projectDisagrees) {
                return new PastedCredentials(null, null, registry, null, List.of(CredentialIssue.SEVERAL_CREDENTIALS));
            }
            String username = single(usernames);
            String password = single(passwords);
            List<CredentialIssue> issues = new ArrayList<>();
            if (username == null && password == null) {
                issues.add(placeholder ? CredentialIssue.PASSWORD_PLACEHOLDER : CredentialIssue.LABELS_ONLY);
            } else if (password == null) {
                issues.add(placeholder ? CredentialIssue.PASSWORD_PLACEHOLDER : CredentialIssue.PASSWORD_MISSING);
            } else if (username == null) {
                issues.add(CredentialIssue.USERNAME_MISSING);
            }
            if (password != null) {
                CredentialRules.checkPassword(password).ifPresent(issues::add);
            }
            return new PastedCredentials(username, password, registry, project, issues);
        }

        private static String single(Set<String> found) {
            return found.size() == 1 ? found.iterator().next() : null;
        }
    }
}
