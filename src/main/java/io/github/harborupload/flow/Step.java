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
     * to the credentials. From the end, Back leads to the import while the image is not imported,
     * and nowhere once it is.
     */
    public Optional<Step> back(UploadSession session) {
        return switch (this) {
            case CREDENTIALS -> Optional.empty();
            case LOGIN, TAG -> Optional.of(CREDENTIALS);
            case PUSH -> Optional.of(TAG);
            case IMPORT -> Optional.of(PUSH);
            case DONE -> session.imported() ? Optional.empty() : Optional.of(IMPORT);
        };
    }

    /**
     * Whether closing the wizard here loses something the user gave, so that Cancel asks first. On
     * the first step only a password or a paste would be lost: the address and username are kept
     * in the settings.
     */
    public boolean quittingLosesWork(UploadSession session) {
        return this != CREDENTIALS || !session.password().isEmpty() || !session.pastedText().isEmpty();
    }

    /**
     * Whether this step, before {@code current} on the path, really happened: the import is passed
     * by without one when the user goes on to fill in the platform's form later.
     */
    public boolean happenedBefore(Step current, UploadSession session) {
        return ordinal() < current.ordinal() && (this != IMPORT || session.imported());
    }
}
