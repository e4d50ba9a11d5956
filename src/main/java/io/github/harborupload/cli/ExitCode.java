package io.github.harborupload.cli;

import io.github.harborupload.problems.ProblemType;

/**
 * The command line's exit codes: one per class of problem, so a script can tell a wrong password
 * from a full quota without reading the text. {@link #of(ProblemType)} is the one table from
 * problems to codes; the README lists the same codes.
 */
public enum ExitCode {
    OK(0),
    /** A problem of no class below: see the printed text. */
    OTHER(1),
    /** The command line, a typed value or a pasted credential cannot be used as given. */
    USAGE(2),
    /** The registry or the platform refused the login, or no login or platform session is kept for it. */
    AUTH(3),
    /** The local image does not exist. */
    NOT_FOUND(4),
    /** Logged in, but the registry refused the push to that place. */
    PERMISSION(5),
    /** The project's storage quota is full. */
    QUOTA(6),
    /** The registry cannot be reached or spoken to: name, connection, TLS, proxy. */
    NETWORK(7),
    /** The Docker engine cannot be reached. */
    ENGINE_UNREACHABLE(8),
    /**
     * The platform answered the import, but its list of the user's images does not show it (the
     * platform can fail to save without saying so). For {@code upload}: pushed, not imported.
     */
    IMPORT_NOT_CONFIRMED(9),
    /** The user cancelled (Ctrl-C): 128 + SIGINT, as shells report it. */
    CANCELLED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The one table. No default branch: a new problem type does not compile until it has its code. */
    public static ExitCode of(ProblemType type) {
        return switch (type) {
            case LOGIN_FAILED, NOT_LOGGED_IN, PLATFORM_WRONG_PASSWORD, PLATFORM_ACCOUNT_NOT_FOUND, PLATFORM_MUST_REGISTER,
                    PLATFORM_ACCOUNT_INACTIVE, PLATFORM_EMAIL_NOT_VERIFIED, PLATFORM_SESSION_EXPIRED,
                    PLATFORM_TOKEN_INVALID -> AUTH;
            case IMAGE_NOT_FOUND, HARBOR_PROJECT_NOT_FOUND -> NOT_FOUND;
            case NO_PERMISSION, PUSH_DENIED, PLATFORM_NO_QUEUE, PLATFORM_PERMISSION_DENIED -> PERMISSION;
            case QUOTA_EXCEEDED, QUOTA_TOO_SMALL -> QUOTA;
            case REGISTRY_NOT_FOUND, REGISTRY_UNREACHABLE, TLS_CERTIFICATE, REGISTRY_NOT_HTTPS, PROXY_BODY_TOO_LARGE,
                    GATEWAY_TIMEOUT_AFTER_UPLOAD, GATEWAY_TIMEOUT_LAYER_MISSING, REGISTRY_UNAVAILABLE,
                    PLATFORM_HOST_NOT_FOUND, PLATFORM_UNREACHABLE, PLATFORM_TIMEOUT, PLATFORM_TLS, PLATFORM_NOT_AN_API,
                    PLATFORM_UNAVAILABLE -> NETWORK;
            case PLATFORM_INVALID_REQUEST, PLATFORM_IMPORT_INVALID, PLATFORM_PLAIN_HTTP -> USAGE;
            case ENGINE_UNREACHABLE, ENGINE_TLS -> ENGINE_UNREACHABLE;
            case CANCELLED, REQUEST_CANCELLED, PAUSED -> CANCELLED;
            case PLATFORM_IMPORT_NOT_CONFIRMED -> IMPORT_NOT_CONFIRMED;
            // This computer's Docker settings: no class of their own, the problem's text says which file or helper.
            case DOCKER_CONFIG_UNREADABLE, DOCKER_CONFIG_NOT_WRITABLE, CREDENTIAL_HELPER_FAILED -> OTHER;
            // The image as Docker handed it over (damaged, cut short, or not pushable yet): the text says which.
            case IMAGE_EXPORT_MISMATCH, IMAGE_EXPORT_UNREADABLE, IMAGE_EXPORT_UNSUPPORTED -> OTHER;
            // This computer's disk: the text names the folder and the space needed.
            case SPOOL_DISK_FULL -> OTHER;
            // Failures on the platform's side, and warnings that end nothing by themselves.
            case PLATFORM_BAD_ANSWER, PLATFORM_REQUEST_FAILED, PLATFORM_DIRECTORY_ERROR, PLATFORM_CREATE_USER_FAILED,
                    PLATFORM_HARBOR_ACCOUNT_FAILED, SESSION_NOT_KEPT, SESSION_NOT_FORGOTTEN,
                    HARBOR_CHECK_FAILED, RETRYING_FOREVER, STALLED, GATEWAY_TIMEOUT_LAYER_STORED, UNKNOWN -> OTHER;
        };
    }
}
