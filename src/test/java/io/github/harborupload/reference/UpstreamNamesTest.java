package io.github.harborupload.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grammar against docker's own test tables: distribution/reference's reference_test.go,
 * normalize_test.go and regexp_test.go, and Harbor's src/lib/patterns_test.go, transcribed into
 * upstream-names.txt (its header names the commits and the format).
 */
class UpstreamNamesTest {

    private static final String TABLE = "upstream-names.txt";
    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)\\*([^}]*)}");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void theGrammarAnswersAsDockerDoes(String check, String input, String expect, Map<String, String> parts) {
        Validation validation = switch (check) {
            case "reference" -> ImageReference.check(input);
            case "host" -> collect(out -> NamingRules.registry(input, out));
            case "harbor-repository" -> collect(out -> NamingRules.repository(input, out));
            default -> throw new AssertionError("unknown check " + check);
        };
        switch (expect) {
            case "valid" -> assertTrue(validation.isValid(), input + ": " + validation);
            case "invalid" -> assertFalse(validation.isValid(), input);
            default -> {
                Rule rule = Rule.valueOf(expect);
                assertTrue(validation.breaks(rule), input + " should break " + rule + ": " + validation);
                assertEquals(rule.isError(), !validation.isValid(), input + ": " + validation);
            }
        }
        validation.violations().forEach(violation -> {
            Messages.english(violation);
            Messages.chinese(violation);
        });
        if (!parts.isEmpty()) {
            ImageReference parsed = ImageReference.parse(input).orElseThrow(() -> new AssertionError(input + ": " + validation));
            assertPart(parts, "domain", parsed.domain(), input);
            assertPart(parts, "tag", parsed.tag(), input);
            assertPart(parts, "digest", parsed.digest(), input);
        }
    }

    /** The table is read whole: a typo in it (an unknown rule or column) fails here, not silently. */
    @Test
    void theTableHoldsEveryUpstreamSection() {
        List<Arguments> cases = cases().toList();
        assertTrue(cases.size() > 150, "cases read: " + cases.size());
        for (String check : List.of("reference", "host", "harbor-repository")) {
            assertTrue(cases.stream().anyMatch(c -> c.get()[0].equals(check)), check);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = UpstreamNamesTest.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                fail(TABLE + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.stream();
    }

    private static Arguments parse(String line) {
        String[] columns = line.trim().split(" +");
        if (columns.length < 3) {
            throw new AssertionError("a case needs CHECK INPUT EXPECT: " + line);
        }
        String expect = columns[2];
        if (!expect.equals("valid") && !expect.equals("invalid")) {
            Rule.valueOf(expect);
        }
        Map<String, String> parts = new HashMap<>();
        for (int i = 3; i < columns.length; i++) {
            String[] pair = columns[i].split("=", 2);
            if (pair.length != 2 || !List.of("domain", "tag", "digest").contains(pair[0])) {
                throw new AssertionError("not domain=, tag= or digest=: " + columns[i] + " in " + line);
            }
            parts.put(pair[0], pair[1]);
        }
        return Arguments.of(columns[0], expand(columns[1]), expect, parts);
    }

    /** {@code ""} is the empty string and {@code {N*text}} is text N times. */
    private static String expand(String input) {
        if (input.equals("\"\"")) {
            return "";
        }
        Matcher repeat = REPEAT.matcher(input);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(out);
        return out.toString();
    }

    private static void assertPart(Map<String, String> parts, String name, Optional<String> actual, String input) {
        String expected = parts.get(name);
        if (expected != null) {
            assertEquals(expected.equals("-") ? Optional.empty() : Optional.of(expected), actual, name + " of " + input);
        }
    }

    private static Validation collect(Consumer<List<Violation>> check) {
        List<Violation> out = new ArrayList<>();
        check.accept(out);
        return new Validation(out);
    }
}
