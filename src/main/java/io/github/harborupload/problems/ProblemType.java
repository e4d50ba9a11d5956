package io.github.harborupload.problems;

import io.github.harborupload.i18n.Text;
import java.util.Locale;

/**
 * Every kind of failure the wizard can name. Each has, in this package's bundle, a title
 * ({@code <key>.title}), its likely causes ({@code <key>.cause.1…}) and what to do
 * ({@code <key>.action.1…}); the counts here say how many.
 *
 * <p>The HTTP clients' types ({@code PLATFORM_*}, {@code HARBOR_*}) come from their exceptions'
 * kinds and the platform's codes, by the rules in {@link ProblemRules}.
 */
public enum ProblemType {
    LOGIN_FAILED(Severity.ERROR, 2, 3),
    NOT_LOGGED_IN(Severity.ERROR, 1, 2),
    NO_PERMISSION(Severity.ERROR, 2, 3),
    /** The registry said "denied" without saying why: no permission or (older Harbor) a full quota. */
    PUSH_DENIED(Severity.ERROR, 3, 3),
    QUOTA_EXCEEDED(Severity.ERROR, 1, 3),
    /**
     * Found before the push: the project has less room than the image's size. A warning, not an
     * error: Harbor counts compressed layers and those it already has, so the image may still fit.
     */
    QUOTA_TOO_SMALL(Severity.WARNING, 1, 3),
    IMAGE_NOT_FOUND(Severity.ERROR, 2, 2),
    /** The image read out of Docker (our own pusher) does not hash to its ID or its layers' diff_ids. */
    IMAGE_EXPORT_MISMATCH(Severity.ERROR, 2, 2),
    /** Docker's export of the image stopped in the middle or is not docker save's tar. */
    IMAGE_EXPORT_UNREADABLE(Severity.ERROR, 2, 2),
    /** Docker's export is readable but holds what the pusher cannot push (several images, zstd layers). */
    IMAGE_EXPORT_UNSUPPORTED(Severity.ERROR, 1, 2),
    /** The project's own pusher: the cache folder's disk has too little room to spool a layer. */
    SPOOL_DISK_FULL(Severity.ERROR, 1, 3),
    ENGINE_UNREACHABLE(Severity.ERROR, 3, 3),
    /** TLS to a tcp engine was asked for and could not be had; nothing went in clear instead. */
    ENGINE_TLS(Severity.ERROR, 2, 2),
    /** Docker's config.json cannot be read or is not JSON; the wizard leaves it as it is. */
    DOCKER_CONFIG_UNREADABLE(Severity.ERROR, 2, 2),
    /** The login was accepted, but Docker's config.json could not be written; the old file is unchanged. */
    DOCKER_CONFIG_NOT_WRITABLE(Severity.ERROR, 3, 2),
    /** The docker-credential-* program Docker's configuration names is missing, failed, or hung. */
    CREDENTIAL_HELPER_FAILED(Severity.ERROR, 3, 2),
    REGISTRY_NOT_FOUND(Severity.ERROR, 2, 2),
    REGISTRY_UNREACHABLE(Severity.ERROR, 2, 3),
    TLS_CERTIFICATE(Severity.ERROR, 2, 3),
    REGISTRY_NOT_HTTPS(Severity.ERROR, 1, 2),
    PROXY_BODY_TOO_LARGE(Severity.ERROR, 1, 2),
    /**
     * docker push reached the end of a layer and a gateway answered 502/504: it stopped waiting while
     * Harbor committed the layer (registry-push.md, "Why a push reaches the end and retries forever").
     */
    GATEWAY_TIMEOUT_AFTER_UPLOAD(Severity.ERROR, 2, 2),
    /**
     * The project's own pusher: a gateway answered 504/502 (or nothing) to a layer's commit, and the
     * layer was then checked and is there. Not a failure; a note for the administrator.
     */
    GATEWAY_TIMEOUT_LAYER_STORED(Severity.INFO, 1, 1),
    /** The project's own pusher: the commit failed again and again and the layer was still absent after each check. */
    GATEWAY_TIMEOUT_LAYER_MISSING(Severity.ERROR, 2, 3),
    /** The registry answered 5xx (or 429) for longer than the pusher's retries. */
    REGISTRY_UNAVAILABLE(Severity.ERROR, 1, 2),
    /** Raised from the progress signals while the push still runs. */
    RETRYING_FOREVER(Severity.WARNING, 2, 3),
    /** Raised from the progress signals while the push still runs. */
    STALLED(Severity.WARNING, 2, 3),
    CANCELLED(Severity.INFO, 1, 1),
    /** The user paused the project's own push; what was sent is kept for the same push again (issue 19). */
    PAUSED(Severity.INFO, 1, 1),
    UNKNOWN(Severity.ERROR, 1, 2),

    // The platform's API: no answer, or not one this wizard can read.
    PLATFORM_HOST_NOT_FOUND(Severity.ERROR, 2, 2),
    PLATFORM_UNREACHABLE(Severity.ERROR, 2, 2),
    PLATFORM_TIMEOUT(Severity.ERROR, 2, 2),
    PLATFORM_TLS(Severity.ERROR, 2, 2),
    /** An http:// address to another computer, refused before anything is sent (issue 13, item 2). */
    PLATFORM_PLAIN_HTTP(Severity.ERROR, 1, 2),
    /** A web page (a proxy's, a network login's) where the platform's JSON was due. */
    PLATFORM_NOT_AN_API(Severity.ERROR, 3, 2),
    /** Empty, too long, or JSON of another shape. */
    PLATFORM_BAD_ANSWER(Severity.ERROR, 2, 2),
    /** A gateway error, or the platform's 5000x codes. */
    PLATFORM_UNAVAILABLE(Severity.ERROR, 1, 2),
    // Signing in (backend/internal/handler/auth.go), by the platform's codes.
    PLATFORM_WRONG_PASSWORD(Severity.ERROR, 2, 2),
    PLATFORM_ACCOUNT_NOT_FOUND(Severity.ERROR, 2, 2),
    PLATFORM_DIRECTORY_ERROR(Severity.ERROR, 1, 2),
    PLATFORM_MUST_REGISTER(Severity.ERROR, 1, 2),
    PLATFORM_NO_QUEUE(Severity.ERROR, 1, 1),
    PLATFORM_ACCOUNT_INACTIVE(Severity.ERROR, 1, 1),
    PLATFORM_EMAIL_NOT_VERIFIED(Severity.ERROR, 1, 1),
    /** The session could not be renewed. */
    PLATFORM_SESSION_EXPIRED(Severity.ERROR, 1, 1),
    PLATFORM_TOKEN_INVALID(Severity.ERROR, 1, 1),
    // Any call.
    PLATFORM_PERMISSION_DENIED(Severity.ERROR, 1, 2),
    PLATFORM_INVALID_REQUEST(Severity.ERROR, 2, 2),
    /** Any other error the platform reports; its message says the rest. */
    PLATFORM_REQUEST_FAILED(Severity.ERROR, 1, 2),
    // Harbor credentials (backend/internal/handler/image/harbor.go: UserGetProjectCredential).
    /** "create user failed": Harbor refused the random password; trying again works. */
    PLATFORM_CREATE_USER_FAILED(Severity.ERROR, 1, 1),
    PLATFORM_HARBOR_ACCOUNT_FAILED(Severity.ERROR, 2, 2),
    // Importing (backend/internal/handler/image/image.go: UserUploadImage).
    PLATFORM_IMPORT_INVALID(Severity.ERROR, 1, 1),
    PLATFORM_IMPORT_NOT_CONFIRMED(Severity.WARNING, 2, 2),
    /** A platform or Harbor call the user stopped. */
    REQUEST_CANCELLED(Severity.INFO, 1, 1),
    /** "Stay signed in" could not keep the session. */
    SESSION_NOT_KEPT(Severity.WARNING, 1, 1),
    /** Sign-out could not remove a kept session, or could not reach the keychain to (issue 13, item 3). */
    SESSION_NOT_FORGOTTEN(Severity.ERROR, 1, 2),

    // Harbor's API, for the checks before a push.
    HARBOR_CHECK_FAILED(Severity.WARNING, 2, 2),
    HARBOR_PROJECT_NOT_FOUND(Severity.ERROR, 1, 2);

    private final Severity severity;
    private final int causes;
    private final int actions;

    ProblemType(Severity severity, int causes, int actions) {
        this.severity = severity;
        this.causes = causes;
        this.actions = actions;
    }

    public Severity severity() {
        return severity;
    }

    /** How many {@code <key>.cause.N} texts the bundle holds for this type. */
    public int causeCount() {
        return causes;
    }

    /** How many {@code <key>.action.N} texts the bundle holds for this type. */
    public int actionCount() {
        return actions;
    }

    /** The prefix of this type's keys in the bundle, e.g. {@code login_failed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The short title every problem of this type carries. */
    public Text title() {
        return Text.of(Problems.BUNDLE, key() + ".title");
    }
}
