package io.github.harborupload.cli;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import io.github.harborupload.reference.Validation;
import io.github.harborupload.reference.Violation;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push}: the wizard's tag and push steps in one command. The target is proposed as the
 * wizard proposes it, checked by the same rules, tagged and pushed with the stored login, with
 * progress; Ctrl-C cancels the push in the engine.
 */
@Command(name = "push", sortOptions = false)
final class PushCommand extends CliCommand {

    /** How long Ctrl-C waits for the cancelled push to be reported before the process ends anyway. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "SOURCE", descriptionKey = "source")
    String source;

    @Option(names = "--registry", paramLabel = "HOST")
    String registry;

    @Option(names = {"-u", "--username"}, paramLabel = "USER")
    String username;

    @Option(names = "--repository", paramLabel = "REPOSITORY")
    String repository;

    @Option(names = "--tag", paramLabel = "TAG")
    String tag;

    @Option(names = "--target", paramLabel = "FULL-REF")
    String target;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--progress", paramLabel = "auto|tty|plain|none", defaultValue = "auto")
    ProgressMode progress;

    private ProblemContext known = ProblemContext.none();

    PushCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        if (target != null && (registry != null || username != null || repository != null || tag != null)) {
            throw new BadInput(context.text("push.targetAlone"));
        }
        TagStep tagStep = new TagStep(context.services());
        CredentialsStep credentials = new CredentialsStep(context.services());
        ImageChoice image = tagStep.findImage(source);
        HarborTarget harborTarget = target != null ? TagStep.targetOf(target) : propose(image, credentials);
        check(harborTarget.validate());
        known = ProblemContext.none().withRegistry(harborTarget.registry()).withImage(harborTarget.link());
        Credential login = credentials.requireStoredLogin(harborTarget.registry());

        tagStep.apply(image, harborTarget);
        PushRun run = new PushStep(context.services()).start(harborTarget, login, image);
        return follow(run, image);
    }

    @Override
    ProblemContext problemContext() {
        return known;
    }

    /** HOST/user-USER/REPOSITORY:TAG as the wizard proposes it, with what the options replace. */
    private HarborTarget propose(ImageChoice image, CredentialsStep credentials) {
        String host = CredentialsStep.normalizeRegistry(registry != null ? registry : context.settings().harborAddress());
        Optional<Text> hostProblem = CredentialsStep.registryProblem(host);
        if (hostProblem.isPresent()) {
            throw new BadInput(context.text(hostProblem.get()));
        }
        known = ProblemContext.none().withRegistry(host);
        UploadSession session = new UploadSession();
        session.setRegistry(host);
        session.setUsername(username != null ? username : credentials.requireStoredLogin(host).username());
        TagStep.propose(session, image);
        if (repository != null) {
            session.setRepository(repository);
        }
        if (tag != null) {
            session.setTag(tag);
        }
        return session.target();
    }

    /** Every broken rule ends the command with its reason; warnings are only shown. */
    private void check(Validation validation) {
        if (!validation.isValid()) {
            throw new BadInput(validation.errors().stream().map(Violation::message).map(context::text).toList());
        }
        validation.warnings().forEach(warning -> context.err().println(context.text("note", context.text(warning.message()))));
    }

    /** Shows the push until it ends, then its result or its problem. */
    private ExitCode follow(PushRun run, ImageChoice image) {
        PrintStream progressStream = json ? context.err() : context.out();
        ProgressMode mode = progress.resolve(context.terminal());
        progressStream.println(context.text("push.pushing", image.name(), run.target().link()));
        ProgressText texts = new ProgressText(context.translator(), known);
        CountDownLatch reported = new CountDownLatch(1);
        try (CancelSignal.Registration ctrlC = context.cancelSignal().onCancel(() -> {
            run.cancel();
            awaitQuietly(reported);
        })) {
            try {
                PushResult result = awaitPush(run, mode.view(progressStream, texts, context.terminal().columns()), mode);
                printResult(run.target(), result);
                return ExitCode.OK;
            } catch (CompletionException failure) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return report(Problems.of(cause, known.withRetries(run.snapshot().retries())));
            } finally {
                reported.countDown();
            }
        }
    }

    private PushResult awaitPush(PushRun run, ProgressView view, ProgressMode mode) {
        try (ProgressTicker ticker = new ProgressTicker(run::snapshot, view, mode.period())) {
            return run.completion().toCompletableFuture().join();
        }
    }

    private void printResult(HarborTarget pushed, PushResult result) {
        if (json) {
            context.out().println(Json.write(Json.object()
                    .put("target", pushed.link())
                    .put("digest", result.digest())
                    .put("size", result.size())));
        } else {
            context.out().println(context.text("push.done", pushed.link()));
            context.out().println(context.text("push.digest", result.digest()));
            context.out().println(context.text("push.size", Units.bytes(result.size())));
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
