package io.github.harborupload.problems;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine or registry text says beyond its kind: the registry it tried, the local image it
 * missed, the repository Harbor refused, the quota numbers. Each is absent when the text does not
 * say it.
 */
final class EngineTextFacts {

    /** Harbor's quota error (src/pkg/quota/errors.go), sizes formatted "%.1f %ciB" or "0 B". */
    private static final String SIZE = "([0-9.]+ ?[KMGTPE]?i?B)";
    private static final Pattern QUOTA = Pattern.compile(
            "(adding|subtracting) " + SIZE + " of storage resource.*?current usage of " + SIZE
                    + ".*?upper limit of " + SIZE);
    /** Harbor's v2 auth middleware: "unauthorized to access repository: user-alice/repo, action: push". */
    private static final Pattern REFUSED_REPOSITORY =
            Pattern.compile("unauthorized to access repository: ([^,\\s]+), action: (\\w+)");
    private static final Pattern MISSING_IMAGE = Pattern.compile(
            "(?i)(?:does not exist locally with the tag|tag does not exist|no such image): (\\S+)");
    /** In order of trust: the name looked up, the address dialled, a URL, a login attempt. */
    private static final Pattern[] REGISTRY_HOST = {
        Pattern.compile("lookup ([\\w.-]+)"),
        Pattern.compile("dial tcp ([\\w.-]+(?::\\d+)?)"),
        Pattern.compile("https?://([\\w.-]+(?::\\d+)?)"),
        Pattern.compile("login attempt to ([\\w.-]+(?::\\d+)?)"),
    };

    /** Harbor's quota numbers; {@code adding} is null when Harbor reported a subtraction. */
    record Quota(String adding, String used, String limit) {
    }

    /** The repository Harbor refused and the action it refused. */
    record RefusedRepository(String repository, String action) {
    }

    private EngineTextFacts() {
    }

    static Optional<Quota> quota(String text) {
        Matcher quota = QUOTA.matcher(text);
        if (!quota.find()) {
            return Optional.empty();
        }
        String adding = quota.group(1).equals("adding") ? quota.group(2) : null;
        return Optional.of(new Quota(adding, quota.group(3), quota.group(4)));
    }

    static Optional<RefusedRepository> refusedRepository(String text) {
        Matcher refused = REFUSED_REPOSITORY.matcher(text);
        return refused.find()
                ? Optional.of(new RefusedRepository(refused.group(1), refused.group(2)))
                : Optional.empty();
    }

    static Optional<String> missingImage(String text) {
        Matcher missing = MISSING_IMAGE.matcher(text);
        return missing.find() ? Optional.of(missing.group(1)) : Optional.empty();
    }

    static Optional<String> registryHost(String text) {
        for (Pattern pattern : REGISTRY_HOST) {
            Matcher host = pattern.matcher(text);
            if (host.find()) {
                return Optional.of(host.group(1));
            }
        }
        return Optional.empty();
    }
}
