package io.github.harborupload.problems;

import io.github.harborupload.i18n.Text;
import java.util.Locale;

/**
 * Every kind of failure the wizard can name. Each has, in this package's bundle, a title
 * ({@code <key>.title}), its likely causes ({@code <key>.cause.1…}) and what to do
 * ({@code <key>.action.1…}); the counts here say how many.
 *
 * <p>Later clients (Harbor's and the platform's HTTP APIs) add their own types here, such as
 * {@code PLATFORM_*}, with their own rules in {@link ProblemRules}.
 */
public enum ProblemType {
    LOGIN_FAILED(Severity.ERROR, 2, 3),
    NOT_LOGGED_IN(Severity.ERROR, 1, 2),
    NO_PERMISSION(Severity.ERROR, 2, 3),
    /** The registry said "denied" without saying why: no permission or (older Harbor) a full quota. */
    PUSH_DENIED(Severity.ERROR, 3, 3),
    QUOTA_EXCEEDED(Severity.ERROR, 1, 3),
    IMAGE_NOT_FOUND(Severity.ERROR, 2, 2),
    ENGINE_UNREACHABLE(Severity.ERROR, 3, 3),
    REGISTRY_NOT_FOUND(Severity.ERROR, 2, 2),
    REGISTRY_UNREACHABLE(Severity.ERROR, 2, 3),
    TLS_CERTIFICATE(Severity.ERROR, 2, 3),
    REGISTRY_NOT_HTTPS(Severity.ERROR, 1, 2),
    PROXY_BODY_TOO_LARGE(Severity.ERROR, 1, 2),
    /** Raised from the progress signals while the push still runs. */
    RETRYING_FOREVER(Severity.WARNING, 2, 3),
    /** Raised from the progress signals while the push still runs. */
    STALLED(Severity.WARNING, 2, 3),
    CANCELLED(Severity.INFO, 1, 1),
    UNKNOWN(Severity.ERROR, 1, 2);

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
