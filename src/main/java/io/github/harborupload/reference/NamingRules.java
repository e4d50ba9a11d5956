package io.github.harborupload.reference;

import io.github.harborupload.i18n.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks behind {@link ImageReference} and {@link HarborTarget}: distribution/reference's grammar
 * ({@code regexp.go}, {@code reference.go}), Harbor's project rule, and the platform's limits. Each
 * check adds at most one violation per rule, naming the first offending character or part. They run
 * on every keystroke, so patterns are compiled once and a valid name allocates almost nothing.
 */
final class NamingRules {

    static final String BUNDLE = "io.github.harborupload.reference.messages";
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_PROJECT_LENGTH = 255;
    static final int MAX_TAG_LENGTH = 128;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern HOST = Pattern.compile(
            "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern DIGEST =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    /**
     * The algorithms go-digest registers (algorithm.go) and the hex length of each: docker refuses
     * any other algorithm as unsupported and any other length as invalid.
     */
    private static final Map<String, Integer> DIGEST_HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern LOWERCASE_HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{64}");
    /** The platform web form's {@code imageLinkRegex} (frontend/src/services/api/imagepack.ts). */
    private static final Pattern PLATFORM_LINK = Pattern.compile(
            "[a-zA-Z0-9.-]+(?:/[a-zA-Z0-9_.-]+)+:[a-zA-Z0-9_](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?");
    /** Longer values are shortened in messages so a pasted paragraph does not flood the form. */
    private static final int SHOWN_LENGTH = 48;

    private NamingRules() {
    }

    static void registry(String registry, List<Violation> out) {
        if (registry.isEmpty()) {
            out.add(violation(Rule.REGISTRY_EMPTY));
        } else if (!HOST.matcher(registry).matches()) {
            out.add(violation(Rule.REGISTRY_INVALID, shown(registry)));
        }
    }

    /** A Harbor address must also be one docker reads as a registry: see {@link Rule#REGISTRY_SINGLE_LABEL}. */
    static void harborRegistry(String registry, List<Violation> out) {
        int before = out.size();
        registry(registry, out);
        if (out.size() == before && registry.indexOf('.') < 0 && registry.indexOf(':') < 0
                && !registry.equals("localhost")) {
            // With capitals docker does take it for a host (normalize.go), but only while so written.
            boolean capitals = !registry.toLowerCase(Locale.ROOT).equals(registry);
            out.add(capitals ? new Violation(Rule.REGISTRY_SINGLE_LABEL, text("rule.REGISTRY_SINGLE_LABEL.capitals", shown(registry)))
                    : violation(Rule.REGISTRY_SINGLE_LABEL, shown(registry)));
        }
    }

    static void project(String project, List<Violation> out) {
        if (project.isEmpty()) {
            out.add(violation(Rule.PROJECT_EMPTY));
            return;
        }
        if (project.length() > MAX_PROJECT_LENGTH) {
            out.add(violation(Rule.PROJECT_TOO_LONG, project.length(), MAX_PROJECT_LENGTH));
        }
        if (!PROJECT.matcher(project).matches()) {
            out.add(violation(Rule.PROJECT_INVALID, shown(project)));
        }
    }

    /** One or more path components joined by {@code /}, each {@code [a-z0-9]+} joined by separators. */
    static void repository(String path, List<Violation> out) {
        if (path.isEmpty()) {
            out.add(violation(Rule.REPOSITORY_EMPTY));
            return;
        }
        int illegal = -1;
        boolean uppercase = false;
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            if (c >= 'A' && c <= 'Z') {
                uppercase = true;
            } else if (illegal < 0 && !isLowercaseNameCharacter(c)) {
                illegal = c;
            }
            i += Character.charCount(c);
        }
        if (uppercase) {
            String cleaned = NameCleaner.repositoryPath(path);
            out.add(violation(Rule.REPOSITORY_UPPERCASE, shown(cleaned.isEmpty() ? path.toLowerCase(Locale.ROOT) : cleaned)));
        }
        if (illegal >= 0) {
            out.add(violation(Rule.REPOSITORY_ILLEGAL_CHARACTER, character(illegal)));
        }
        Text separatorProblem = separatorProblem(path);
        if (separatorProblem != null) {
            out.add(new Violation(Rule.REPOSITORY_BAD_SEPARATOR, separatorProblem));
        }
    }

    /** The name without the registry is at most 255 characters (distribution/reference). */
    static void nameLength(int length, List<Violation> out) {
        if (length > MAX_NAME_LENGTH) {
            out.add(violation(Rule.REPOSITORY_TOO_LONG, length, MAX_NAME_LENGTH));
        }
    }

    /** distribution/reference: {@code [\w][\w.-]{0,127}}, with {@code \w} ASCII only. */
    static void tag(String tag, List<Violation> out) {
        if (tag.isEmpty()) {
            out.add(violation(Rule.TAG_EMPTY));
            return;
        }
        int length = tag.codePointCount(0, tag.length());
        if (length > MAX_TAG_LENGTH) {
            out.add(violation(Rule.TAG_TOO_LONG, length, MAX_TAG_LENGTH));
        }
        int first = tag.codePointAt(0);
        if (first == '.' || first == '-') {
            out.add(violation(Rule.TAG_BAD_FIRST_CHARACTER, character(first)));
        }
        for (int i = 0; i < tag.length(); ) {
            int c = tag.codePointAt(i);
            if (!isTagCharacter(c)) {
                out.add(violation(Rule.TAG_ILLEGAL_CHARACTER, character(c)));
                break;
            }
            i += Character.charCount(c);
        }
    }

    /** The platform's import form also refuses a tag ending in {@code .} or {@code -}. */
    static void platformTagEnd(String tag, List<Violation> out) {
        if (!tag.isEmpty()) {
            char last = tag.charAt(tag.length() - 1);
            if (last == '.' || last == '-') {
                out.add(violation(Rule.TAG_BAD_LAST_CHARACTER, character(last)));
            }
        }
    }

    /**
     * The grammar's pattern first (distribution/reference regexp.go), then what go-digest's
     * {@code Digest.Validate} adds, as docker parses it: a registered algorithm, the exact length of
     * its hash, and lowercase hex. One violation at most: the first check that fails.
     */
    static void digest(String digest, List<Violation> out) {
        if (!DIGEST.matcher(digest).matches()) {
            out.add(violation(Rule.DIGEST_INVALID, shown(digest)));
            return;
        }
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        Integer length = DIGEST_HEX_LENGTHS.get(algorithm);
        if (length == null) {
            out.add(violation(Rule.DIGEST_UNSUPPORTED, shown(algorithm)));
        } else if (hex.length() != length) {
            out.add(violation(Rule.DIGEST_WRONG_LENGTH, algorithm, hex.length(), length));
        } else if (!LOWERCASE_HEX.matcher(hex).matches()) {
            out.add(violation(Rule.DIGEST_NOT_LOWERCASE, shown(digest.toLowerCase(Locale.ROOT))));
        }
    }

    /** A warning when docker takes the first part for a host only for its capitals (normalize.go). */
    static void domainFromCapitals(ReferenceParts parts, List<Violation> out) {
        if (parts.domainByCapitalsOnly()) {
            out.add(violation(Rule.REGISTRY_FROM_CAPITALS, shown(parts.domain())));
        }
    }

    /** docker reads 64 lowercase hex digits alone as an image ID (normalize.go ParseNormalizedNamed). */
    static void imageId(ReferenceParts parts, List<Violation> out) {
        if (parts.domain() == null && parts.tag() == null && parts.digest() == null
                && IMAGE_ID.matcher(parts.path()).matches()) {
            out.add(violation(Rule.REPOSITORY_IMAGE_ID, shown(parts.path())));
        }
    }

    /**
     * The whole link fits the platform's 128 characters; once nothing else is wrong, it is also
     * checked against the platform form's pattern, as a warning (see
     * {@link Rule#LINK_NOT_ACCEPTED_BY_PLATFORM_FORM}).
     */
    static void link(String link, List<Violation> out) {
        int length = link.codePointCount(0, link.length());
        if (length > HarborTarget.MAX_LINK_LENGTH) {
            out.add(violation(Rule.LINK_TOO_LONG, length, HarborTarget.MAX_LINK_LENGTH, length - HarborTarget.MAX_LINK_LENGTH));
        }
        if (out.stream().noneMatch(Violation::isError) && !PLATFORM_LINK.matcher(link).matches()) {
            out.add(violation(Rule.LINK_NOT_ACCEPTED_BY_PLATFORM_FORM));
        }
    }

    static boolean isSeparator(int c) {
        return c == '.' || c == '_' || c == '-';
    }

    static boolean isLowercaseNameCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || isSeparator(c) || c == '/';
    }

    static boolean isTagCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || isSeparator(c);
    }

    /** Between two alphanumerics only {@code .}, {@code _}, {@code __} or any run of {@code -} may stand. */
    static boolean isAllowedSeparatorRun(CharSequence run) {
        if (run.length() == 1 || "__".contentEquals(run)) {
            return true;
        }
        return run.chars().allMatch(c -> c == '-');
    }

    /**
     * The first misuse of separators, or null. Characters that are not separators count as letters
     * here, so an illegal character is reported once, by its own rule.
     */
    private static Text separatorProblem(String path) {
        int componentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i < path.length() && path.charAt(i) != '/') {
                continue;
            }
            if (i == componentStart) {
                return text("rule.REPOSITORY_BAD_SEPARATOR.emptyPart");
            }
            Text problem = separatorProblemInComponent(path, componentStart, i);
            if (problem != null) {
                return problem;
            }
            componentStart = i + 1;
        }
        return null;
    }

    private static Text separatorProblemInComponent(String path, int start, int end) {
        if (isSeparator(path.charAt(start))) {
            return text("rule.REPOSITORY_BAD_SEPARATOR.start", character(path.charAt(start)));
        }
        if (isSeparator(path.charAt(end - 1))) {
            return text("rule.REPOSITORY_BAD_SEPARATOR.end", character(path.charAt(end - 1)));
        }
        int runStart = -1;
        for (int i = start; i < end; i++) {
            boolean separator = isSeparator(path.charAt(i));
            if (separator && runStart < 0) {
                runStart = i;
            } else if (!separator && runStart >= 0) {
                CharSequence run = path.subSequence(runStart, i);
                if (!isAllowedSeparatorRun(run)) {
                    return text("rule.REPOSITORY_BAD_SEPARATOR.run", run.toString());
                }
                runStart = -1;
            }
        }
        return null;
    }

    static Violation violation(Rule rule, Object... args) {
        return new Violation(rule, text("rule." + rule.name(), args));
    }

    static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /** A character as the user should see it: quoted, or named when it is a space or invisible. */
    static Text character(int codePoint) {
        if (codePoint == ' ') {
            return text("character.space");
        }
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return text("character.invisible", String.format(Locale.ROOT, "U+%04X", codePoint));
        }
        return text("character.quoted", new String(Character.toChars(codePoint)));
    }

    private static String shown(String value) {
        if (value.codePointCount(0, value.length()) <= SHOWN_LENGTH) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN_LENGTH - 1)) + "…";
    }
}
