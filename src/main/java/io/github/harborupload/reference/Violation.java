package io.github.harborupload.reference;

import io.github.harborupload.i18n.Text;
import java.util.Objects;

/** One broken rule and the message naming it and the offending part, in either language. */
public record Violation(Rule rule, Text message) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public Rule.Part part() {
        return rule.part();
    }

    public boolean isError() {
        return rule.isError();
    }
}
