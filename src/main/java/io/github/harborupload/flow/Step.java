package io.github.harborupload.flow;

import java.util.Optional;

/** The user's path, in order. Both faces walk it; the UI shows one view per step. */
public enum Step {
    CREDENTIALS,
    LOGIN,
    TAG,
    PUSH,
    IMPORT,
    DONE;

    /** The step after this one, if any. */
    public Optional<Step> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /**
     * Where Back leads. The login step only shows a check, so going back from the tag step returns
     * to the credentials; nothing leads back from the end.
     */
    public Optional<Step> back() {
        return switch (this) {
            case CREDENTIALS, DONE -> Optional.empty();
            case LOGIN, TAG -> Optional.of(CREDENTIALS);
            case PUSH -> Optional.of(TAG);
            case IMPORT -> Optional.of(PUSH);
        };
    }
}
