package io.github.harborupload.docker.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads and writes the CLI's JSON files as trees, so every key the program does not know survives. */
final class ConfigJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Numbers in keys we do not know are written back as they were read (1.50 stays 1.50).
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Like the CLI's {@code json.MarshalIndent(v, "", "\t")}: tabs, {@code "key": value}, {@code {}}. */
    private static final ObjectWriter TAB_INDENTED = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("\t", "\n"))
            .withArrayIndenter(new DefaultIndenter("\t", "\n")));

    private ConfigJson() {
    }

    /**
     * The tree in {@code content}; a missing node when it is blank. Jackson's own messages quote
     * the text around an error, which may be a password, so the exception says only where it is.
     */
    static JsonNode parse(Path file, byte[] content) {
        try {
            return MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw ConfigFileException.invalid(file, "is not valid JSON" + position);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading JSON from memory", e);
        }
    }

    static byte[] tabIndented(JsonNode tree) {
        try {
            return TAB_INDENTED.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree can always be written", e);
        }
    }
}
