package io.github.harborupload.harbor;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one Harbor check, or the news that it was skipped because this registry has no
 * Harbor API (a plain registry, or something in front of it that answers with a web page). A
 * skipped check is not a failure: show it softly and go on.
 *
 * @param <T> what the check finds out
 */
public final class HarborCheck<T> {

    private final T value;
    private final String skipReason;

    private HarborCheck(T value, String skipReason) {
        this.value = value;
        this.skipReason = skipReason;
    }

    public static <T> HarborCheck<T> answered(T value) {
        return new HarborCheck<>(Objects.requireNonNull(value, "value"), null);
    }

    /** @param reason what the registry answered instead, in English, for the technical detail */
    public static <T> HarborCheck<T> skipped(String reason) {
        return new HarborCheck<>(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isAnswered() {
        return value != null;
    }

    /** @throws NoSuchElementException when the check was skipped */
    public T value() {
        if (value == null) {
            throw new NoSuchElementException("the check was skipped: " + skipReason);
        }
        return value;
    }

    /** Why it was skipped; empty when answered. */
    public Optional<String> skipReason() {
        return Optional.ofNullable(skipReason);
    }

    @Override
    public String toString() {
        return value != null ? "HarborCheck[" + value + "]" : "HarborCheck[skipped: " + skipReason + "]";
    }
}
