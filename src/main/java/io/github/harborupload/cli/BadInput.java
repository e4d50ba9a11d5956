package io.github.harborupload.cli;

import java.util.List;

/**
 * What the user gave cannot be used: each reason is already in the user's language. Ends the
 * command with {@link ExitCode#USAGE}.
 */
final class BadInput extends RuntimeException {

    private final List<String> reasons;

    BadInput(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    BadInput(String reason) {
        this(List.of(reason));
    }

    List<String> reasons() {
        return reasons;
    }
}
