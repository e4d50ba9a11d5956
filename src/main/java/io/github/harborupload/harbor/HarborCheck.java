package io.github.harborupload.harbor;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one Harbor check, or the news that it was skipped because this registry has no
 * Harbor API (a plain registry, or something in front of it that answers with a web page), or
 * because asking failed ({@link #failed}: the faces name that failure, e.g. an untrusted
 * certificate). A skipped check is not a failure of the push: show it softly and go on.
 *
 * @param <T> what the check finds out
 */
public final class HarborCheck<T> {

    private final T value;
    private final String skipReason;
    private final HarborException failure;

    private HarborCheck(T value, String skipReason, HarborException failure) {
        this.value = value;
        this.skipReason = skipReason;
        this.failure = failure;
    }

    public static <T> HarborCheck<T> answered(T value) {
        return new HarborCheck<>(Objects.requireNonNull(value, "value"), null, null);
    }

    /** @param reason what the registry answered instead, in English, for the technical detail */
    public static <T> HarborCheck<T> skipped(String reason) {
        return new HarborCheck<>(null, Objects.requireNonNull(reason, "reason"), null);
    }

    /** Skipped because asking failed; the failure's message is the reason. */
    public static <T> HarborCheck<T> failed(HarborException failure) {
        return new HarborCheck<>(null, failure.getMessage(), failure);
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

    /** The failure that made the check skipped; empty when it was answered or Harbor's API is not there. */
    public Optional<HarborException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return value != null ? "HarborCheck[" + value + "]" : "HarborCheck[skipped: " + skipReason + "]";
    }
}
