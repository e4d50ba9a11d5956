package io.github.harborupload.ui.common;

import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.Severity;
import java.util.List;

/**
 * A problem as the problem panel shows it, already in the user's language.
 *
 * @param severity an error, a warning while work goes on, or information (the user cancelled),
 *                 each shown in its own tone
 */
public record ProblemView(String title, List<String> causes, List<String> advice, String detail, Severity severity) {

    public ProblemView {
        causes = List.copyOf(causes);
        advice = List.copyOf(advice);
        detail = detail == null ? "" : detail;
    }

    public static ProblemView of(Problem problem, Translator translator) {
        return new ProblemView(
                translator.text(problem.title()),
                problem.causes().stream().map(translator::text).toList(),
                problem.actions().stream().map(translator::text).toList(),
                problem.detail(),
                problem.severity());
    }

    /** What the copy button puts on the clipboard: enough for a message to the administrator. */
    public String forClipboard() {
        StringBuilder text = new StringBuilder(title);
        advice.forEach(line -> text.append("\n- ").append(line));
        if (!detail.isBlank()) {
            text.append("\n\n").append(detail);
        }
        return text.toString();
    }
}
