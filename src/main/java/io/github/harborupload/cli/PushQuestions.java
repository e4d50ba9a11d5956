package io.github.harborupload.cli;

import io.github.harborupload.flow.Preflight;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.harbor.HarborCheck;
import io.github.harborupload.harbor.HarborException;
import io.github.harborupload.harbor.StorageQuota;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The questions {@link PushPreparation} hands over before a push, put on the console for {@code push}
 * and {@code upload} alike; {@code --yes} answers yes, and with no console a question ends the command.
 */
final class PushQuestions {

    private final CommandContext context;
    private final boolean yes;
    private final PrintStream info;

    /** @param info where the command says what it learnt: standard error when standard output is for JSON */
    PushQuestions(CommandContext context, boolean yes, PrintStream info) {
        this.context = context;
        this.yes = yes;
        this.info = info;
    }

    /** Returns when the push may go ahead; otherwise ends the command. */
    void answer(PushPreparation.Plan plan, ProblemContext known) {
        Preflight.Report report = plan.report();
        if (!plan.questions().contains(PushPreparation.Question.ROOM_SHORT) && report.quota().isAnswered()) {
            info.println(room(report.quota().value(), report.imageBytes()));
        }
        for (PushPreparation.Question question : plan.questions()) {
            switch (question) {
                case ROOM_SHORT -> pushWithoutRoom(report, known);
                case TAG_TAKEN -> confirmOverwrite(plan.target().link());
            }
        }
        skipped(report.quota(), "beforePush.quotaSkipped");
        skipped(report.tagExists(), "beforePush.tagSkipped");
    }

    /**
     * A check that failed is named even without --verbose (an untrusted certificate: the push
     * trusts the same, so the user learns it before a long export); one skipped because the
     * registry has no Harbor API only with --verbose, with its words.
     */
    private void skipped(HarborCheck<?> check, String key) {
        Optional<HarborException> failure = check.failure();
        if (failure.isPresent()) {
            info.println(context.text(key, context.text(Problems.of(failure.get()).title())));
        }
        if (context.verbose()) {
            check.skipReason().ifPresent(reason -> info.println(context.text(key, reason)));
        }
    }

    /** Harbor counts only the layers it lacks, so the image may fit after all: --yes pushes anyway. */
    private void pushWithoutRoom(Preflight.Report report, ProblemContext known) {
        ExitCode code = new ProblemPrinter(context).report(
                Problems.ofQuotaTooSmall(report.imageBytes(), report.quota().value(), known));
        if (!yes) {
            context.err().println(context.text("beforePush.notPushed"));
            throw new CommandEnded(code);
        }
        context.err().println(context.text("note", context.text("beforePush.pushingAnyway")));
    }

    private String room(StorageQuota quota, long imageBytes) {
        return quota.unlimited() ? context.text("beforePush.roomUnlimited", Sizes.bytes(imageBytes))
                : context.text("beforePush.room", Sizes.bytes(quota.freeBytes().orElse(0)), Sizes.bytes(imageBytes));
    }

    /** The platform's guide asks never to overwrite a tag other than latest: jobs may run the old image. */
    private void confirmOverwrite(String link) {
        if (yes) {
            context.err().println(context.text("note", context.text("beforePush.overwriting", link)));
            return;
        }
        Console console = context.terminal().console();
        if (console != null) {
            console.printf("%s%n", context.text("beforePush.tagExists", link));
            if (ConsolePrompts.confirm(console, context.text("beforePush.overwriteQuestion"), context.text("confirm.choices"))) {
                return;
            }
        }
        throw new Refusal(ExitCode.USAGE, context.text("beforePush.tagExists", link), List.of(
                context.text("beforePush.tagExists.other"), context.text("beforePush.tagExists.yes")));
    }
}
