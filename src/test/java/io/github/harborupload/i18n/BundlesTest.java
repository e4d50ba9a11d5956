package io.github.harborupload.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages are complete: every bundle has an English and a Chinese file with the same keys. */
class BundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** A lone apostrophe starts a quoted section in MessageFormat and silently eats the text after it. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().equals("messages.properties")).sorted().toList();
        }
    }

    @Test
    void thereAreBundles() throws IOException {
        assertFalse(englishBundles().isEmpty(), "no messages.properties under " + RESOURCES);
    }

    @Test
    void everyBundleHasTheSameKeysInChinese() throws IOException {
        for (Path english : englishBundles()) {
            Path chinese = english.resolveSibling("messages_zh.properties");
            assertTrue(Files.exists(chinese), "missing " + chinese);
            Properties en = load(english);
            Properties zh = load(chinese);
            TreeSet<String> onlyEnglish = new TreeSet<>(en.stringPropertyNames());
            onlyEnglish.removeAll(zh.stringPropertyNames());
            TreeSet<String> onlyChinese = new TreeSet<>(zh.stringPropertyNames());
            onlyChinese.removeAll(en.stringPropertyNames());
            assertEquals(new TreeSet<>(), onlyEnglish, "keys missing from " + chinese);
            assertEquals(new TreeSet<>(), onlyChinese, "keys missing from " + english);
        }
    }

    @Test
    void everyMessageIsAValidPatternWithNoLoneApostrophe() throws IOException {
        for (Path english : englishBundles()) {
            for (Path file : List.of(english, english.resolveSibling("messages_zh.properties"))) {
                Properties messages = load(file);
                for (String key : messages.stringPropertyNames()) {
                    String value = messages.getProperty(key);
                    if (value.isBlank()) {
                        fail(file + ": " + key + " is empty");
                    }
                    if (LONE_APOSTROPHE.matcher(value).find()) {
                        fail(file + ": " + key + " has a lone apostrophe; write '' for one: " + value);
                    }
                    try {
                        new MessageFormat(value);
                    } catch (IllegalArgumentException e) {
                        fail(file + ": " + key + " is not a valid message pattern: " + e.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void chineseTextIsChinese() throws IOException {
        // A copy of the English value in the Chinese file is a missing translation.
        for (Path english : englishBundles()) {
            Properties en = load(english);
            Properties zh = load(english.resolveSibling("messages_zh.properties"));
            for (String key : en.stringPropertyNames()) {
                String value = en.getProperty(key);
                boolean hasWords = value.replaceAll("\\{[^}]*}", "").matches("(?s).*[A-Za-z]{4,}.*");
                if (hasWords && value.equals(zh.getProperty(key))) {
                    fail(english.getParent() + ": " + key + " is not translated");
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
