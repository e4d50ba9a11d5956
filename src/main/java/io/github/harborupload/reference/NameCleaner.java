package io.github.harborupload.reference;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Turns any text into a valid repository name or tag, keeping as much of it as the grammar allows.
 * Used for suggestions, and for the lowercase form an uppercase repository name should take.
 */
final class NameCleaner {

    private NameCleaner() {
    }

    /**
     * One path component: lowercase; anything but {@code [a-z0-9._-]} becomes {@code -}; a run of
     * separators the grammar refuses becomes one {@code -}; no separator at either end. May be empty.
     */
    static String repositoryComponent(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(lower.length());
        int runStart = -1;
        for (int i = 0; i <= lower.length(); i++) {
            // A letter past the end closes a trailing run, which is then trimmed.
            char c = i < lower.length() ? lower.charAt(i) : 'a';
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alphanumeric && runStart < 0) {
                runStart = i;
            } else if (alphanumeric && runStart >= 0) {
                String run = lower.substring(runStart, i);
                boolean allowed = run.chars().allMatch(NamingRules::isSeparator) && NamingRules.isAllowedSeparatorRun(run);
                name.append(allowed ? run : "-");
                runStart = -1;
            }
            if (alphanumeric && i < lower.length()) {
                name.append(c);
            }
        }
        return trimRepositoryEnd(trimRepositoryStart(name.toString()));
    }

    /** Each component cleaned, empty ones dropped, joined by {@code /}. May be empty. */
    static String repositoryPath(String raw) {
        StringJoiner path = new StringJoiner("/");
        for (String component : raw.split("/")) {
            String cleaned = repositoryComponent(component);
            if (!cleaned.isEmpty()) {
                path.add(cleaned);
            }
        }
        return path.toString();
    }

    /**
     * Anything but {@code [A-Za-z0-9_.-]} becomes {@code -}; no {@code .} or {@code -} at either end
     * (the platform refuses one at the end); at most 128 characters. May be empty.
     */
    static String tag(String raw) {
        StringBuilder cleaned = new StringBuilder(raw.length());
        raw.chars().forEach(c -> cleaned.append(NamingRules.isTagCharacter(c) ? (char) c : '-'));
        int start = 0;
        while (start < cleaned.length() && isTagEnd(cleaned.charAt(start))) {
            start++;
        }
        return trimTagEnd(cleaned.substring(start, Math.min(cleaned.length(), start + NamingRules.MAX_TAG_LENGTH)));
    }

    static String trimRepositoryEnd(String name) {
        int end = name.length();
        while (end > 0 && NamingRules.isSeparator(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end);
    }

    static String trimTagEnd(String tag) {
        int end = tag.length();
        while (end > 0 && isTagEnd(tag.charAt(end - 1))) {
            end--;
        }
        return tag.substring(0, end);
    }

    private static String trimRepositoryStart(String name) {
        int start = 0;
        while (start < name.length() && NamingRules.isSeparator(name.charAt(start))) {
            start++;
        }
        return name.substring(start);
    }

    private static boolean isTagEnd(char c) {
        return c == '.' || c == '-';
    }
}
