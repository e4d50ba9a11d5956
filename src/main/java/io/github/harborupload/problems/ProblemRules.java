package io.github.harborupload.problems;

import static io.github.harborupload.problems.ProblemType.CANCELLED;
import static io.github.harborupload.problems.ProblemType.ENGINE_UNREACHABLE;
import static io.github.harborupload.problems.ProblemType.IMAGE_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.LOGIN_FAILED;
import static io.github.harborupload.problems.ProblemType.NOT_LOGGED_IN;
import static io.github.harborupload.problems.ProblemType.NO_PERMISSION;
import static io.github.harborupload.problems.ProblemType.PROXY_BODY_TOO_LARGE;
import static io.github.harborupload.problems.ProblemType.PUSH_DENIED;
import static io.github.harborupload.problems.ProblemType.QUOTA_EXCEEDED;
import static io.github.harborupload.problems.ProblemType.REGISTRY_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.REGISTRY_NOT_HTTPS;
import static io.github.harborupload.problems.ProblemType.REGISTRY_UNREACHABLE;
import static io.github.harborupload.problems.ProblemType.TLS_CERTIFICATE;
import static io.github.harborupload.problems.ProblemType.UNKNOWN;

import io.github.harborupload.docker.EngineUnreachableException;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.docker.PushCancelledException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which problem a failure is: one ordered table, first match wins. Exception types the engine layer
 * throws come first (anywhere in the cause chain), then the engine's and the registry's texts.
 */
final class ProblemRules {

    private record TypeRule(Class<? extends Throwable> thrown, ProblemType type) {
    }

    private record TextRule(Predicate<String> matches, ProblemType type) {
    }

    private static final List<TypeRule> BY_EXCEPTION = List.of(
            new TypeRule(PushCancelledException.class, CANCELLED),
            new TypeRule(EngineUnreachableException.class, ENGINE_UNREACHABLE),
            new TypeRule(ImageNotFoundException.class, IMAGE_NOT_FOUND));

    /** Matched against the text in lower case. More specific rules come before the ones they overlap. */
    private static final List<TextRule> BY_TEXT = List.of(
            // Harbor's quota middleware; older versions said "denied" and named the quota.
            new TextRule(containsAny("will exceed the configured upper limit", "quota exceeded")
                    .or(containsAll("denied", "quota")), QUOTA_EXCEEDED),
            // Harbor's v2 auth middleware, before the generic "unauthorized" below.
            new TextRule(containsAny("unauthorized to access repository"), NO_PERMISSION),
            new TextRule(containsAny("no basic auth credentials"), NOT_LOGGED_IN),
            new TextRule(containsAny("x509:", "certificate signed by unknown authority", "certificate has expired",
                    "certificate is not valid", "tls: failed to verify certificate"), TLS_CERTIFICATE),
            new TextRule(containsAny("server gave http response to https client"), REGISTRY_NOT_HTTPS),
            // A proxy in front of Harbor; docker shows "error parsing HTTP 413 response body".
            new TextRule(containsAny("http 413", "413 request entity too large", "request entity too large",
                    "413 payload too large"), PROXY_BODY_TOO_LARGE),
            new TextRule(containsAny("unauthorized: authentication required", "401 unauthorized",
                    "incorrect username or password").or(word("unauthorized")), LOGIN_FAILED),
            new TextRule(containsAny("an image does not exist locally", "tag does not exist", "no such image",
                    "image not known", "reference does not exist"), IMAGE_NOT_FOUND),
            // The engine's own socket or pipe; "connection refused" alone is the registry, below.
            new TextRule(containsAny("docker.sock", "docker daemon", "dial unix", "connect: no such file or directory",
                    "docker_engine", "podman.sock"), ENGINE_UNREACHABLE),
            new TextRule(containsAny("no such host", "temporary failure in name resolution", "server misbehaving",
                    "name or service not known", "nodename nor servname"), REGISTRY_NOT_FOUND),
            new TextRule(containsAny("connection refused", "i/o timeout", "tls handshake timeout", "timed out",
                    "timeout exceeded", "context deadline exceeded", "no route to host", "network is unreachable",
                    "connection reset by peer", "service unavailable", "bad gateway", "gateway timeout"),
                    REGISTRY_UNREACHABLE),
            new TextRule(word("denied").or(containsAny("requested access to the resource is denied")), PUSH_DENIED));

    private ProblemRules() {
    }

    static ProblemType classify(Throwable failure) {
        for (Throwable link : Details.chain(failure)) {
            for (TypeRule rule : BY_EXCEPTION) {
                if (rule.thrown().isInstance(link)) {
                    return rule.type();
                }
            }
        }
        return classify(Details.of(failure));
    }

    static ProblemType classify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return BY_TEXT.stream().filter(rule -> rule.matches().test(lower)).map(TextRule::type).findFirst().orElse(UNKNOWN);
    }

    private static Predicate<String> containsAny(String... fragments) {
        return text -> Arrays.stream(fragments).anyMatch(text::contains);
    }

    private static Predicate<String> containsAll(String... fragments) {
        return text -> Arrays.stream(fragments).allMatch(text::contains);
    }

    /**
     * A registry error code the way docker prints it, "denied" or "unauthorized": the whole text,
     * its start ("denied: …") or after a colon ("…: denied: …"); not "permission denied".
     */
    private static Predicate<String> word(String code) {
        Pattern pattern = Pattern.compile("(?:^|: )" + code + "(?::|$)");
        return text -> pattern.matcher(text).find();
    }
}
