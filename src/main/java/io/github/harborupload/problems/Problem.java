package io.github.harborupload.problems;

import io.github.harborupload.i18n.Text;
import java.util.List;
import java.util.Objects;

/**
 * A failure as the user sees it: a short title, the likely causes (most specific first), what to
 * do, and the technical detail behind a "details" toggle.
 *
 * @param type    which kind of problem
 * @param title   a short title
 * @param causes  likely causes; facts read from the engine's text (quota numbers, the repository
 *                Harbor refused, retries…) come first
 * @param actions what to do, in the order to try
 * @param detail  the engine's or server's own text, verbatim except for anything that looks like a
 *                secret; for copying to an administrator, never shown without being asked for
 * @param context what is known about the situation (registry, image, engine endpoint, retries)
 */
public record Problem(
        ProblemType type, Text title, List<Text> causes, List<Text> actions, String detail, ProblemContext context) {

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        causes = List.copyOf(causes);
        actions = List.copyOf(actions);
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(context, "context");
    }

    public Severity severity() {
        return type.severity();
    }
}
