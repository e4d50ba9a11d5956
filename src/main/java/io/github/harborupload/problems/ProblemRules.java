package io.github.harborupload.problems;

import static io.github.harborupload.problems.ProblemType.CANCELLED;
import static io.github.harborupload.problems.ProblemType.PAUSED;
import static io.github.harborupload.problems.ProblemType.CREDENTIAL_HELPER_FAILED;
import static io.github.harborupload.problems.ProblemType.DOCKER_CONFIG_NOT_WRITABLE;
import static io.github.harborupload.problems.ProblemType.DOCKER_CONFIG_UNREADABLE;
import static io.github.harborupload.problems.ProblemType.ENGINE_TLS;
import static io.github.harborupload.problems.ProblemType.ENGINE_UNREACHABLE;
import static io.github.harborupload.problems.ProblemType.HARBOR_CHECK_FAILED;
import static io.github.harborupload.problems.ProblemType.HARBOR_PROJECT_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.IMAGE_EXPORT_MISMATCH;
import static io.github.harborupload.problems.ProblemType.IMAGE_EXPORT_UNREADABLE;
import static io.github.harborupload.problems.ProblemType.IMAGE_EXPORT_UNSUPPORTED;
import static io.github.harborupload.problems.ProblemType.IMAGE_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.LOGIN_FAILED;
import static io.github.harborupload.problems.ProblemType.NOT_LOGGED_IN;
import static io.github.harborupload.problems.ProblemType.NO_PERMISSION;
import static io.github.harborupload.problems.ProblemType.PLATFORM_ACCOUNT_INACTIVE;
import static io.github.harborupload.problems.ProblemType.PLATFORM_ACCOUNT_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.PLATFORM_BAD_ANSWER;
import static io.github.harborupload.problems.ProblemType.PLATFORM_CREATE_USER_FAILED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_DIRECTORY_ERROR;
import static io.github.harborupload.problems.ProblemType.PLATFORM_EMAIL_NOT_VERIFIED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_HARBOR_ACCOUNT_FAILED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_HOST_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.PLATFORM_IMPORT_INVALID;
import static io.github.harborupload.problems.ProblemType.PLATFORM_INVALID_REQUEST;
import static io.github.harborupload.problems.ProblemType.PLATFORM_MUST_REGISTER;
import static io.github.harborupload.problems.ProblemType.PLATFORM_NOT_AN_API;
import static io.github.harborupload.problems.ProblemType.PLATFORM_NO_QUEUE;
import static io.github.harborupload.problems.ProblemType.PLATFORM_PERMISSION_DENIED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_REQUEST_FAILED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_SESSION_EXPIRED;
import static io.github.harborupload.problems.ProblemType.PLATFORM_TIMEOUT;
import static io.github.harborupload.problems.ProblemType.PLATFORM_PLAIN_HTTP;
import static io.github.harborupload.problems.ProblemType.PLATFORM_TLS;
import static io.github.harborupload.problems.ProblemType.PLATFORM_TOKEN_INVALID;
import static io.github.harborupload.problems.ProblemType.PLATFORM_UNAVAILABLE;
import static io.github.harborupload.problems.ProblemType.PLATFORM_UNREACHABLE;
import static io.github.harborupload.problems.ProblemType.PLATFORM_WRONG_PASSWORD;
import static io.github.harborupload.problems.ProblemType.GATEWAY_TIMEOUT_AFTER_UPLOAD;
import static io.github.harborupload.problems.ProblemType.GATEWAY_TIMEOUT_LAYER_MISSING;
import static io.github.harborupload.problems.ProblemType.PROXY_BODY_TOO_LARGE;
import static io.github.harborupload.problems.ProblemType.PUSH_DENIED;
import static io.github.harborupload.problems.ProblemType.QUOTA_EXCEEDED;
import static io.github.harborupload.problems.ProblemType.REGISTRY_NOT_FOUND;
import static io.github.harborupload.problems.ProblemType.REGISTRY_NOT_HTTPS;
import static io.github.harborupload.problems.ProblemType.REGISTRY_UNAVAILABLE;
import static io.github.harborupload.problems.ProblemType.REGISTRY_UNREACHABLE;
import static io.github.harborupload.problems.ProblemType.REQUEST_CANCELLED;
import static io.github.harborupload.problems.ProblemType.SESSION_NOT_FORGOTTEN;
import static io.github.harborupload.problems.ProblemType.SESSION_NOT_KEPT;
import static io.github.harborupload.problems.ProblemType.SPOOL_DISK_FULL;
import static io.github.harborupload.problems.ProblemType.TLS_CERTIFICATE;
import static io.github.harborupload.problems.ProblemType.UNKNOWN;

import io.github.harborupload.archive.ImageArchiveException;
import io.github.harborupload.docker.EngineUnreachableException;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.docker.config.ConfigFileException;
import io.github.harborupload.docker.config.ContextNotFoundException;
import io.github.harborupload.docker.config.CredentialHelperException;
import io.github.harborupload.harbor.HarborException;
import io.github.harborupload.platform.Endpoint;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformCodes;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.SessionNotForgottenException;
import io.github.harborupload.platform.SessionStoreException;
import io.github.harborupload.pusher.SpoolSpaceException;
import io.github.harborupload.registry.ConnectionFailure;
import io.github.harborupload.registry.RegistryException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which problem a failure is: one ordered table, first match wins. Exception types the engine layer
 * throws come first (anywhere in the cause chain), then the engine's and the registry's texts.
 * The HTTP clients' exceptions say more than their type: the platform's by their kind and the
 * platform's code (one table, {@link #BY_PLATFORM_CODE}), Harbor's by their kind.
 */
final class ProblemRules {

    private record TypeRule(Class<? extends Throwable> thrown, ProblemType type) {
    }

    private record TextRule(Predicate<String> matches, ProblemType type) {
    }

    private static final List<TypeRule> BY_EXCEPTION = List.of(
            new TypeRule(PushCancelledException.class, CANCELLED),
            new TypeRule(PushPausedException.class, PAUSED),
            new TypeRule(EngineUnreachableException.class, ENGINE_UNREACHABLE),
            new TypeRule(ImageNotFoundException.class, IMAGE_NOT_FOUND),
            new TypeRule(ContextNotFoundException.class, ENGINE_UNREACHABLE),
            new TypeRule(CredentialHelperException.class, CREDENTIAL_HELPER_FAILED));

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
            // docker push's answer when a gateway gives up on a layer's commit (registry-push.md: measured
            // through nginx with a 3 s read timeout and 6 s commits); not the network, which is reached.
            new TextRule(containsAny("received unexpected http status: 504", "received unexpected http status: 502"),
                    GATEWAY_TIMEOUT_AFTER_UPLOAD),
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
                    "connection reset by peer", "service unavailable", "service temporarily unavailable",
                    "bad gateway", "gateway timeout", "gateway time-out"),
                    REGISTRY_UNREACHABLE),
            new TextRule(word("denied").or(containsAny("requested access to the resource is denied")), PUSH_DENIED));

    /**
     * The platform's codes, old and new numbers (backend/internal/resputil/code.go and the 2025
     * crater-backend; bizerr in frontend src/services/error_code.ts). 40101, 40301 and 99999 mean
     * more than one thing and are decided in {@link #ofPlatformCode}.
     */
    private static final Map<Integer, ProblemType> BY_PLATFORM_CODE = Map.ofEntries(
            Map.entry(PlatformCodes.INVALID_REQUEST, PLATFORM_INVALID_REQUEST),
            Map.entry(PlatformCodes.MISSING_PARAMETER, PLATFORM_INVALID_REQUEST),
            Map.entry(PlatformCodes.PARAMETER_ERROR, PLATFORM_INVALID_REQUEST),
            Map.entry(PlatformCodes.BUSINESS_LOGIC_ERROR, PLATFORM_REQUEST_FAILED),
            Map.entry(PlatformCodes.NOT_FOUND, PLATFORM_REQUEST_FAILED),
            Map.entry(PlatformCodes.RESOURCE_STATUS_ERROR, PLATFORM_REQUEST_FAILED),
            Map.entry(PlatformCodes.TOKEN_INVALID, PLATFORM_TOKEN_INVALID),
            // Only the retired token sign-in gets this; signing in again with a password is the way.
            Map.entry(PlatformCodes.LEGACY_TOKEN_NOT_SUPPORTED, PLATFORM_TOKEN_INVALID),
            Map.entry(PlatformCodes.OLD_MUST_REGISTER, PLATFORM_MUST_REGISTER),
            Map.entry(PlatformCodes.MUST_REGISTER, PLATFORM_MUST_REGISTER),
            Map.entry(PlatformCodes.OLD_REGISTER_TIMEOUT, PLATFORM_MUST_REGISTER),
            Map.entry(PlatformCodes.OLD_REGISTER_NOT_FOUND, PLATFORM_MUST_REGISTER),
            Map.entry(PlatformCodes.OLD_INVALID_CREDENTIALS, PLATFORM_WRONG_PASSWORD),
            Map.entry(PlatformCodes.INVALID_CREDENTIALS, PLATFORM_WRONG_PASSWORD),
            Map.entry(PlatformCodes.LDAP_ERROR, PLATFORM_DIRECTORY_ERROR),
            Map.entry(PlatformCodes.UID_SERVICE_ERROR, PLATFORM_DIRECTORY_ERROR),
            Map.entry(PlatformCodes.LDAP_USER_NOT_FOUND, PLATFORM_ACCOUNT_NOT_FOUND),
            Map.entry(PlatformCodes.UID_NOT_FOUND, PLATFORM_ACCOUNT_NOT_FOUND),
            Map.entry(PlatformCodes.USER_EMAIL_NOT_VERIFIED, PLATFORM_EMAIL_NOT_VERIFIED),
            Map.entry(PlatformCodes.INTERNAL_ERROR, PLATFORM_UNAVAILABLE),
            Map.entry(PlatformCodes.SERVICE_ERROR, PLATFORM_UNAVAILABLE),
            Map.entry(PlatformCodes.DATABASE_ERROR, PLATFORM_UNAVAILABLE));

    /** The msg texts of code 99999 (NotSpecified) that say what happened, in lower case. */
    private static final List<TextRule> BY_PLATFORM_MESSAGE = List.of(
            new TextRule(containsAny("user is not active"), PLATFORM_ACCOUNT_INACTIVE),
            // backend/internal/handler/image/harbor.go: UserGetProjectCredential's steps.
            new TextRule(containsAny("create user failed"), PLATFORM_CREATE_USER_FAILED),
            new TextRule(containsAny("check or create project failed", "delete user failed",
                    "add project member failed"), PLATFORM_HARBOR_ACCOUNT_FAILED));

    private ProblemRules() {
    }

    static ProblemType classify(Throwable failure) {
        for (Throwable link : Details.chain(failure)) {
            if (link instanceof ImageArchiveException archive) {
                return ofArchive(archive);
            }
            if (link instanceof PlatformException platform) {
                return ofPlatform(platform);
            }
            if (link instanceof HarborException harbor) {
                return ofHarbor(harbor);
            }
            if (link instanceof RegistryException registry) {
                return ofRegistry(registry);
            }
            if (link instanceof SpoolSpaceException) {
                return SPOOL_DISK_FULL;
            }
            if (link instanceof PlainHttpRefusedException) {
                return PLATFORM_PLAIN_HTTP;
            }
            if (link instanceof SessionNotForgottenException) {
                return SESSION_NOT_FORGOTTEN;
            }
            if (link instanceof SessionStoreException) {
                return SESSION_NOT_KEPT;
            }
            if (link instanceof EngineUnreachableException engine && engine.reason() == EngineUnreachableException.Reason.TLS) {
                return ENGINE_TLS;
            }
            if (link instanceof ConfigFileException file) {
                return file.reason() == ConfigFileException.Reason.UNWRITABLE ? DOCKER_CONFIG_NOT_WRITABLE : DOCKER_CONFIG_UNREADABLE;
            }
            for (TypeRule rule : BY_EXCEPTION) {
                if (rule.thrown().isInstance(link)) {
                    return rule.type();
                }
            }
        }
        return classify(Details.of(failure));
    }

    static ProblemType ofArchive(ImageArchiveException failure) {
        return switch (failure.kind()) {
            case DIGEST_MISMATCH -> IMAGE_EXPORT_MISMATCH;
            case MALFORMED, TRUNCATED -> IMAGE_EXPORT_UNREADABLE;
            case UNSUPPORTED -> IMAGE_EXPORT_UNSUPPORTED;
        };
    }

    static ProblemType classify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return BY_TEXT.stream().filter(rule -> rule.matches().test(lower)).map(TextRule::type).findFirst().orElse(UNKNOWN);
    }

    static ProblemType ofPlatform(PlatformException failure) {
        if (failure.status() >= 300 && failure.status() < 400) {
            // The client follows no redirect: this address sends people elsewhere, so it is not the API.
            return PLATFORM_NOT_AN_API;
        }
        return switch (failure.kind()) {
            case CONNECTION -> switch (failure.connectionFailure()) {
                case HOST_NOT_FOUND -> PLATFORM_HOST_NOT_FOUND;
                case TIMEOUT -> PLATFORM_TIMEOUT;
                case TLS -> PLATFORM_TLS;
                case UNREACHABLE -> PLATFORM_UNREACHABLE;
            };
            case NOT_JSON -> gatewayError(failure.status()) ? PLATFORM_UNAVAILABLE : PLATFORM_NOT_AN_API;
            case EMPTY_ANSWER, TOO_LARGE, UNEXPECTED_ANSWER ->
                    gatewayError(failure.status()) ? PLATFORM_UNAVAILABLE : PLATFORM_BAD_ANSWER;
            case SERVER_ERROR -> ofPlatformCode(failure);
            case SESSION_EXPIRED -> PLATFORM_SESSION_EXPIRED;
            case INVALID_IMPORT -> PLATFORM_IMPORT_INVALID;
            case CANCELLED -> REQUEST_CANCELLED;
        };
    }

    private static ProblemType ofPlatformCode(PlatformException failure) {
        int code = failure.code().orElse(-1);
        if (code == PlatformCodes.NOT_SPECIFIED) {
            String message = failure.serverMessage().toLowerCase(Locale.ROOT);
            for (TextRule rule : BY_PLATFORM_MESSAGE) {
                if (rule.matches().test(message)) {
                    return rule.type();
                }
            }
            // auth.go: Refresh answers any refresh token it cannot use with 99999 "User not found".
            if (failure.endpoint() == Endpoint.REFRESH) {
                return PLATFORM_SESSION_EXPIRED;
            }
        }
        if (code == PlatformCodes.USER_NOT_ALLOWED) {
            // At sign-in: "User must has at least one queue"; elsewhere bizerr's PermissionDenied.
            return failure.endpoint() == Endpoint.LOGIN ? PLATFORM_NO_QUEUE : PLATFORM_PERMISSION_DENIED;
        }
        if (code == PlatformCodes.TOKEN_EXPIRED) {
            return PLATFORM_SESSION_EXPIRED;
        }
        ProblemType byCode = BY_PLATFORM_CODE.get(code);
        if (byCode != null) {
            return byCode;
        }
        if (gatewayError(failure.status())) {
            return PLATFORM_UNAVAILABLE;
        }
        return failure.status() == 403 ? PLATFORM_PERMISSION_DENIED : PLATFORM_REQUEST_FAILED;
    }

    /** A proxy in front of the platform speaking for it: the platform is down or restarting. */
    private static boolean gatewayError(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /**
     * Wrong credentials are a login failure; an untrusted certificate is named as the push names
     * it (the check trusts what the push trusts, so the same CA fixes both); the rest only means
     * the check could not be made.
     */
    static ProblemType ofHarbor(HarborException failure) {
        return switch (failure.kind()) {
            case UNAUTHORIZED -> LOGIN_FAILED;
            case PROJECT_NOT_FOUND -> HARBOR_PROJECT_NOT_FOUND;
            case CANCELLED -> REQUEST_CANCELLED;
            case CONNECTION -> failure.connectionFailure() == ConnectionFailure.TLS ? TLS_CERTIFICATE : HARBOR_CHECK_FAILED;
            case FORBIDDEN, SERVER_ERROR -> HARBOR_CHECK_FAILED;
        };
    }

    /**
     * The pusher's own client: its kind where that says it all, else the registry's words by the
     * text rules (Harbor's "denied" may mean a quota or a project that is not the user's).
     */
    static ProblemType ofRegistry(RegistryException failure) {
        return switch (failure.kind()) {
            case AUTH_REFUSED -> LOGIN_FAILED;
            case QUOTA -> QUOTA_EXCEEDED;
            case BODY_TOO_LARGE -> PROXY_BODY_TOO_LARGE;
            case GATEWAY_TIMEOUT -> GATEWAY_TIMEOUT_LAYER_MISSING;
            case UNAVAILABLE -> REGISTRY_UNAVAILABLE;
            case HOST_NOT_FOUND -> REGISTRY_NOT_FOUND;
            case TLS -> TLS_CERTIFICATE;
            case NETWORK -> REGISTRY_UNREACHABLE;
            case CANCELLED -> CANCELLED;
            case DENIED -> {
                ProblemType byText = classify(Details.of(failure));
                yield byText == QUOTA_EXCEEDED || byText == NO_PERMISSION ? byText : PUSH_DENIED;
            }
            case NOT_FOUND, PROTOCOL -> UNKNOWN;
        };
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
