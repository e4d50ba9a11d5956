package io.github.harborupload.reference;

import java.util.List;

/** Every rule a name breaks, errors and warnings, in the order the parts appear in the name. */
public record Validation(List<Violation> violations) {

    public Validation {
        violations = List.copyOf(violations);
    }

    /** No errors; warnings may remain. */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** The violations about one part, to show beside its field. */
    public List<Violation> about(Rule.Part part) {
        return violations.stream().filter(v -> v.part() == part).toList();
    }

    public boolean breaks(Rule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }
}
