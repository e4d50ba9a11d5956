package io.github.harborupload.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of one JSON object in the platform's answer, failing with a message that names
 * the field ({@code data.imageList[2].imageLink should be a string, was a number}) when the
 * answer is not the documented shape.
 */
final class Fields {

    private final Endpoint endpoint;
    private final JsonNode object;
    private final String where;

    private Fields(Endpoint endpoint, JsonNode object, String where) {
        this.endpoint = endpoint;
        this.object = object;
        this.where = where;
    }

    /** The object {@code node}, known in messages as {@code where}; it must be an object. */
    static Fields of(Endpoint endpoint, JsonNode node, String where) throws PlatformException {
        if (!node.isObject()) {
            throw wrong(endpoint, where, "an object", node);
        }
        return new Fields(endpoint, node, where);
    }

    String text(String name) throws PlatformException {
        JsonNode value = present(name);
        if (!value.isTextual()) {
            throw wrong(endpoint, where + "." + name, "a string", value);
        }
        return value.asText();
    }

    /** The string, or null when it is missing or null. */
    String optionalText(String name) throws PlatformException {
        return absent(name) ? null : text(name);
    }

    boolean bool(String name) throws PlatformException {
        JsonNode value = present(name);
        if (!value.isBoolean()) {
            throw wrong(endpoint, where + "." + name, "true or false", value);
        }
        return value.asBoolean();
    }

    /** The boolean, or {@code fallback} when it is missing or null. */
    boolean optionalBool(String name, boolean fallback) throws PlatformException {
        return absent(name) ? fallback : bool(name);
    }

    double number(String name) throws PlatformException {
        JsonNode value = present(name);
        if (!value.isNumber()) {
            throw wrong(endpoint, where + "." + name, "a number", value);
        }
        return value.asDouble();
    }

    long integer(String name) throws PlatformException {
        JsonNode value = present(name);
        if (!value.isIntegralNumber()) {
            throw wrong(endpoint, where + "." + name, "a whole number", value);
        }
        return value.asLong();
    }

    /** The whole number, or null when it is missing or null. */
    Long optionalInteger(String name) throws PlatformException {
        return absent(name) ? null : integer(name);
    }

    /** The object, or null when it is missing or null. */
    Fields optionalObject(String name) throws PlatformException {
        return absent(name) ? null : of(endpoint, object.get(name), where + "." + name);
    }

    /** The list's objects; a missing or null list is empty (Go encodes an empty slice as null). */
    List<Fields> objects(String name) throws PlatformException {
        List<Fields> items = new ArrayList<>();
        JsonNode array = arrayOrEmpty(name);
        for (int i = 0; i < array.size(); i++) {
            items.add(of(endpoint, array.get(i), where + "." + name + "[" + i + "]"));
        }
        return items;
    }

    /** The list's strings; a missing or null list is empty. */
    List<String> texts(String name) throws PlatformException {
        List<String> items = new ArrayList<>();
        JsonNode array = arrayOrEmpty(name);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw wrong(endpoint, where + "." + name + "[" + i + "]", "a string", array.get(i));
            }
            items.add(array.get(i).asText());
        }
        return items;
    }

    private JsonNode arrayOrEmpty(String name) throws PlatformException {
        if (absent(name)) {
            return Envelope.JSON.createArrayNode();
        }
        JsonNode array = object.get(name);
        if (!array.isArray()) {
            throw wrong(endpoint, where + "." + name, "a list", array);
        }
        return array;
    }

    private boolean absent(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull();
    }

    private JsonNode present(String name) throws PlatformException {
        if (absent(name)) {
            throw PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, endpoint)
                    .detail(where + "." + name + " is missing").build();
        }
        return object.get(name);
    }

    private static PlatformException wrong(Endpoint endpoint, String where, String expected, JsonNode value) {
        String type = value.isMissingNode() ? "missing" : value.getNodeType().toString().toLowerCase(Locale.ROOT);
        return PlatformException.of(PlatformException.Kind.UNEXPECTED_ANSWER, endpoint)
                .detail(where + " should be " + expected + ", was " + type).build();
    }
}
