package io.github.harborupload.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate} challenge (RFC 7235), as distribution writes it:
 * {@code Bearer realm="https://h/service/token",service="harbor-registry",scope="…"} or
 * {@code Basic realm="…"}. No challenge at all means the registry wants no login.
 */
record AuthChallenge(Scheme scheme, Map<String, String> params) {

    enum Scheme { NONE, BASIC, BEARER }

    static final AuthChallenge NONE = new AuthChallenge(Scheme.NONE, Map.of());

    private static final Pattern PARAM = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    static Optional<AuthChallenge> parse(String header) {
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Scheme known = switch (scheme) {
            case "bearer" -> Scheme.BEARER;
            case "basic" -> Scheme.BASIC;
            default -> null;
        };
        if (known == null) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(space < 0 ? "" : text.substring(space + 1));
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1") : matcher.group(3);
            params.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        if (known == Scheme.BEARER && !params.containsKey("realm")) {
            return Optional.empty();
        }
        return Optional.of(new AuthChallenge(known, Map.copyOf(params)));
    }

    String realm() {
        return params.get("realm");
    }

    /** The token service's name for the registry; may be absent. */
    Optional<String> service() {
        return Optional.ofNullable(params.get("service"));
    }
}
