package io.github.harborupload.desktop;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the computer from going to sleep while something long runs, and lets it sleep again after.
 * Staying awake is a courtesy, never a condition: where the system offers no way (no logind, a failed
 * call), holding does nothing and says so only in the debug log.
 */
public interface SleepInhibitor {

    /** Does nothing: for systems with no way to stay awake. */
    SleepInhibitor NONE = () -> Hold.NOTHING;

    /** Starts keeping the computer awake. Never throws. */
    Hold hold();

    /**
     * Keeps the computer awake until {@code end} completes, however it completes. The hold is
     * returned so that a pause can release it earlier.
     */
    default Hold holdUntil(CompletionStage<?> end) {
        Hold hold = hold();
        end.whenComplete((result, failure) -> hold.close());
        return hold;
    }

    /** One period of staying awake. */
    interface Hold extends AutoCloseable {

        /** A hold that holds nothing. */
        Hold NOTHING = () -> {
        };

        /** Lets the computer sleep again. Safe from any thread, any number of times. */
        @Override
        void close();
    }
}
