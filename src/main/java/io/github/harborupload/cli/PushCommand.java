package io.github.harborupload.cli;

import io.github.harborupload.cli.progress.ProgressMode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.reference.HarborTarget;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push}: the wizard's tag and push steps in one command. The target is proposed as the
 * wizard proposes it, checked by the same rules; Harbor is asked for room and the tag as
 * {@code upload} does; then tagged and pushed with the stored login, with progress; Ctrl-C cancels.
 */
@Command(name = "push", sortOptions = false)
final class PushCommand extends CliCommand {

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

    @Option(names = {"-y", "--yes"})
    boolean yes;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--progress", paramLabel = "auto|tty|plain|none", defaultValue = "auto")
    ProgressMode progress;

    @Option(names = "--via", paramLabel = "registry|engine")
    PushMethod via;

    @Option(names = "--remove-local-tag")
    boolean removeLocalTag;

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
        Targets.requireValid(context, harborTarget.validate());
        known = ProblemContext.none().withRegistry(harborTarget.registry()).withImage(harborTarget.link());
        Credential login = credentials.requireStoredLogin(harborTarget.registry());

        PrintStream info = json ? context.err() : context.out();
        PushPreparation preparation = new PushPreparation(context.services());
        // No platform here: a Harbor that cannot tell its quota skips the room check.
        PushPreparation.Plan plan = preparation.check(image, harborTarget, login, Optional.empty());
        new PushQuestions(context, yes, info).answer(plan, known);
        preparation.tag(plan);
        PushStep pushStep = new PushStep(context.services());
        PushRun run = pushStep.start(harborTarget, login, image, via != null ? via : PushMethod.of(context.settings()));
        PushResult result = new PushFollower(context, progress, info).await(run, image, known);
        printResult(harborTarget, result);
        new LocalTagOffer(context, pushStep, info).offer(image, harborTarget, removeLocalTag, !json && !yes);
        return ExitCode.OK;
    }

    @Override
    ProblemContext problemContext() {
        return known;
    }

    /** HOST/user-USER/REPOSITORY:TAG as the wizard proposes it, with what the options replace. */
    private HarborTarget propose(ImageChoice image, CredentialsStep credentials) {
        String host = Targets.host(context, registry != null ? registry : context.settings().harborAddress());
        known = ProblemContext.none().withRegistry(host);
        UploadSession session = new UploadSession();
        session.setRegistry(host);
        session.setUsername(username != null ? username : credentials.requireStoredLogin(host).username());
        Targets.propose(session, image, repository, tag);
        return session.target();
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
            context.out().println(context.text("push.size", Sizes.bytes(result.size())));
        }
    }
}
