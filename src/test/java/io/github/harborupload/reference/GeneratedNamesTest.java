package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated names, from a fixed seed so a failure repeats: nothing throws, every
 * rejection carries a rule and a message that renders in both languages, the hand-written checks
 * agree with distribution/reference's regular expressions, references built from the grammar parse
 * back into their parts, and suggestions are valid.
 */
class GeneratedNamesTest {

    private static final long SEED = 20250421L;
    private static final int ROUNDS = 4000;

    /** distribution/reference regexp.go, as written there. */
    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final Pattern REMOTE_NAME = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    /** crater frontend imageTagRegex: no {@code -} or {@code .} at either end. */
    private static final Pattern PLATFORM_TAG = Pattern.compile("^(?=.{1,128}$)(?![-.])([a-zA-Z0-9_.+-]*)(?<![-.])$");
    private static final Pattern HARBOR_PROJECT = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

    private static final String[] PIECES = {
        "a", "b", "z", "0", "9", "x1", "A", "Q", "_", "__", "___", ".", "..", "-", "--", "/", "//", ":", "@",
        " ", "\t", "é", "中", "镜像", "🐳", "\u200B", "\u00A0", "<none>", "#", "+", "sha256", "nvidia", "pytorch",
        "localhost", "127.0.0.1:5000", "gpu-harbor.act.buaa.edu.cn", "library", "V1", "24.12-py3",
    };
    private static final List<String> VALID_REGISTRIES =
            List.of("gpu-harbor.act.buaa.edu.cn", "127.0.0.1:5000", "localhost", "harbor.example.com:8443", "[::1]:5000");
    // "h": one label, no port, not localhost, which docker reads as a Docker Hub namespace (issue 12).
    private static final List<String> INVALID_REGISTRIES =
            List.of("", "h", "https://gpu-harbor.act.buaa.edu.cn/", "gpu_harbor", "host:port", "-h.example", "h..example", "中.cn");

    private final Random random = new Random(SEED);

    @Test
    void imageReferencesNeverThrowAndEveryRejectionHasARule() {
        int rejected = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String text = randomText(12);
            Validation validation = ImageReference.check(text);
            boolean parsed = ImageReference.parse(text).isPresent();
            assertEquals(validation.isValid(), parsed, text);
            if (parsed) {
                assertEquals(text, ImageReference.parse(text).orElseThrow().toString());
            } else {
                rejected++;
                assertFalse(validation.errors().isEmpty(), text);
                validation.violations().forEach(GeneratedNamesTest::assertRenders);
            }
        }
        assertTrue(rejected > ROUNDS / 10 && rejected < ROUNDS, "the generator should make both kinds: " + rejected);
    }

    @Test
    void theRepositoryRuleAgreesWithTheGrammar() {
        int accepted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String repository = randomOf("abz09AQ._-/ #é", 1 + random.nextInt(12));
            Validation validation = new HarborTarget("h", "p", repository, "t").validate();
            boolean grammar = REMOTE_NAME.matcher(repository).matches();
            assertEquals(grammar, validation.about(Rule.Part.REPOSITORY).isEmpty(), repository);
            accepted += grammar ? 1 : 0;
            validation.violations().forEach(GeneratedNamesTest::assertRenders);
            for (Violation violation : validation.violations()) {
                if (violation.rule() == Rule.REPOSITORY_UPPERCASE) {
                    String offered = (String) violation.message().args().get(0);
                    assertTrue(REMOTE_NAME.matcher(offered).matches(), repository + " -> " + offered);
                }
            }
        }
        assertTrue(accepted > ROUNDS / 50, "too few valid names generated: " + accepted);
    }

    @Test
    void theTagRulesAgreeWithDockerAndThePlatform() {
        int accepted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String tag = randomOf("aZ09_.-+é ", random.nextInt(6)) + (random.nextInt(20) == 0 ? "t".repeat(125) : "");
            Validation validation = new HarborTarget("h", "p", "r", tag).validate();
            boolean expected = TAG.matcher(tag).matches() && PLATFORM_TAG.matcher(tag).matches();
            assertEquals(expected, validation.about(Rule.Part.TAG).isEmpty(), tag);
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > ROUNDS / 20, "too few valid tags generated: " + accepted);
    }

    @Test
    void harborTargetsNeverThrow() {
        for (int i = 0; i < ROUNDS; i++) {
            HarborTarget target = new HarborTarget(randomText(3), randomText(3), randomText(5), randomText(3));
            Validation validation = target.validate();
            validation.violations().forEach(GeneratedNamesTest::assertRenders);
            assertEquals(validation.errors().isEmpty(), validation.isValid());
        }
    }

    @Test
    void suggestionsAreValidWheneverUsernameAndRegistryAre() {
        int valid = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String localName = random.nextInt(10) == 0 ? null : randomText(10);
            String imageId = random.nextBoolean() ? null : "sha256:" + randomOf("0123456789abcdef", 64);
            boolean goodUser = random.nextInt(5) > 0;
            String username = goodUser ? randomUsername() : randomText(3);
            boolean goodRegistry = random.nextInt(5) > 0;
            String registry = goodRegistry ? pick(VALID_REGISTRIES) : pick(INVALID_REGISTRIES);

            HarborTarget target = TargetSuggester.suggest(localName, imageId, username, registry);
            Validation validation = target.validate();
            boolean userAccepted = HARBOR_PROJECT.matcher(HarborTarget.projectFor(username)).matches();
            boolean roomLeft = (registry + "/" + HarborTarget.projectFor(username) + "/x:y").length() <= 128;
            if (goodRegistry && userAccepted && roomLeft) {
                assertTrue(validation.isValid(), localName + " -> " + target.link() + ": " + validation);
                valid++;
            } else {
                assertFalse(validation.isValid(), target.link());
                Set<Rule.Part> reasons = Set.of(Rule.Part.REGISTRY, Rule.Part.PROJECT, Rule.Part.LINK);
                validation.errors().forEach(v -> assertTrue(reasons.contains(v.part()), localName + " -> " + v));
            }
            validation.violations().forEach(GeneratedNamesTest::assertRenders);
        }
        assertTrue(valid > ROUNDS / 2, "too few valid inputs generated: " + valid);
    }

    @Test
    void referencesMadeFromTheGrammarParseBackIntoTheirParts() {
        for (int i = 0; i < ROUNDS; i++) {
            String domain = random.nextInt(3) == 0 ? null : randomDomain();
            StringBuilder path = new StringBuilder(randomComponent());
            if (domain == null && (path.indexOf(".") >= 0 || path.toString().equals("localhost"))) {
                continue; // a first component like that is the grammar's domain
            }
            for (int extra = random.nextInt(3); extra > 0; extra--) {
                path.append('/').append(randomComponent());
            }
            String tag = random.nextInt(4) == 0 ? null
                    : randomOf("aZ09_", 1) + randomOf("aZ09_.-", random.nextInt(random.nextInt(10) == 0 ? 128 : 12));
            String digest = random.nextInt(5) == 0 ? "sha256:" + randomOf("0123456789abcdef", 64) : null;
            String text = (domain == null ? "" : domain + "/") + path + (tag == null ? "" : ":" + tag)
                    + (digest == null ? "" : "@" + digest);
            if (path.length() > 255) {
                continue;
            }
            ImageReference parsed = ImageReference.parse(text).orElseThrow(() -> new AssertionError(text + ": " + ImageReference.check(text)));
            assertEquals(text, parsed.toString());
            assertEquals(Optional.ofNullable(domain), parsed.domain(), text);
            assertEquals(path.toString(), parsed.path(), text);
            assertEquals(Optional.ofNullable(tag), parsed.tag(), text);
            assertEquals(Optional.ofNullable(digest), parsed.digest(), text);
        }
    }

    /** A host the grammar accepts: dotted components (or localhost), maybe a port. */
    private String randomDomain() {
        String host = random.nextInt(4) == 0 ? "localhost"
                : randomOf("abz09", 1) + randomOf("abz09-", random.nextInt(6)).replaceAll("-+$", "") + "." + randomOf("abz", 1 + random.nextInt(4));
        return random.nextBoolean() ? host : host + ":" + (1 + random.nextInt(65535));
    }

    /** A path component: lowercase alphanumerics joined by {@code .}, {@code _}, {@code __} or dashes. */
    private String randomComponent() {
        StringBuilder component = new StringBuilder(randomOf("abz09", 1 + random.nextInt(6)));
        for (int parts = random.nextInt(3); parts > 0; parts--) {
            component.append(pick(List.of(".", "_", "__", "-", "--", "---"))).append(randomOf("abz09", 1 + random.nextInt(4)));
        }
        return component.toString();
    }

    private static void assertRenders(Violation violation) {
        Messages.english(violation);
        Messages.chinese(violation);
    }

    private String randomText(int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(30) == 0) {
            text.append("n".repeat(100 + random.nextInt(200)));
        }
        return text.toString();
    }

    private String randomOf(String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    /** Valid usernames, some long enough that little room is left in the link. */
    private String randomUsername() {
        StringBuilder name = new StringBuilder(randomOf("abcxyz0189", 1 + random.nextInt(8)));
        int parts = random.nextInt(random.nextInt(10) == 0 ? 20 : 3);
        for (int i = 0; i < parts; i++) {
            name.append(randomOf("._-", 1)).append(randomOf("abc019", 1 + random.nextInt(6)));
        }
        return random.nextInt(10) == 0 ? name.toString().toUpperCase() : name.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
