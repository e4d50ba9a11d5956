package io.github.harborupload.cli;

import io.github.harborupload.cli.progress.ProgressMode;
import io.github.harborupload.cli.progress.ProgressText;
import io.github.harborupload.cli.progress.ProgressTicker;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.push.PushSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Shows a push until it ends, for {@code push} and {@code upload}: the progress view the mode
 * picks, and Ctrl-C cancelling the push in the engine before the process ends.
 */
final class PushFollower {

    /** How long Ctrl-C waits for the cancelled push to be reported before the process ends anyway. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private final CommandContext context;
    private final ProgressMode mode;
    private final PrintStream stream;

    /** @param stream where the progress goes: standard error when standard output holds JSON */
    PushFollower(CommandContext context, ProgressMode mode, PrintStream stream) {
        this.context = context;
        this.mode = mode.resolve(context.terminal().isInteractive(), context.terminal().cursorMoves());
        this.stream = stream;
    }

    /**
     * Waits for the push to end.
     *
     * @return its digest and size
     * @throws CommandEnded when it failed or was cancelled, after printing the problem: printed
     *                      here, so that Ctrl-C lets the process end only once it is on screen
     */
    PushResult await(PushRun run, ImageChoice image, ProblemContext known) {
        stream.println(context.text("push.pushing", image.name(), run.target().link()));
        ProgressText texts = new ProgressText(context.translator(), known);
        CountDownLatch reported = new CountDownLatch(1);
        try (CancelSignal.Registration ctrlC = ctrlC(run, reported)) {
            try (ProgressTicker ticker = new ProgressTicker(run::snapshot,
                    mode.view(stream, texts, context.terminal().columns()), mode.period())) {
                PushResult result = run.completion().toCompletableFuture().join();
                noteLayersStoredAfterGatewayTimeout(run, known);
                return result;
            } catch (CompletionException failure) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                throw new CommandEnded(new ProblemPrinter(context).report(
                        Problems.of(cause, known.withRetries(run.snapshot().retries()))));
            } finally {
                noteStateSetAside(run);
                reported.countDown();
            }
        }
    }

    /**
     * What Ctrl-C does: where the push can pause, the first press pauses it after the chunk in flight
     * (the paused problem then says to run the same command again) and a second ends the process at
     * once, keeping what was sent; elsewhere it cancels.
     */
    private CancelSignal.Registration ctrlC(PushRun run, CountDownLatch reported) {
        Runnable cancel = () -> {
            run.cancel();
            awaitQuietly(reported);
        };
        if (!run.canPause()) {
            return context.cancelSignal().onCancel(cancel);
        }
        return context.cancelSignal().onPause(() -> {
            stream.println();
            stream.println(context.text("push.pausing"));
            run.pause();
        }, () -> {
            stream.println();
            stream.println(context.text("push.stopped"));
            stream.flush();
        });
    }

    /** Why a push that could have resumed started from the beginning (issue 19), on standard error. */
    private void noteStateSetAside(PushRun run) {
        if (run.snapshot().stateSetAside()) {
            context.err().println(context.text(PushSnapshot.STATE_SET_ASIDE));
        }
    }

    /** The administrator's fix for a gateway that gave up on commits, though the push succeeded. */
    private void noteLayersStoredAfterGatewayTimeout(PushRun run, ProblemContext known) {
        List<String> stored = run.snapshot().storedAfterGatewayTimeout();
        if (!stored.isEmpty()) {
            new ProblemPrinter(context).report(Problems.ofLayersStoredAfterGatewayTimeout(stored, known));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
