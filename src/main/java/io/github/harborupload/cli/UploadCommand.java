package io.github.harborupload.cli;

import io.github.harborupload.cli.progress.ProgressMode;
import io.github.harborupload.credentials.Credential;
import io.github.harborupload.docker.PushResult;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.LoginStep;
import io.github.harborupload.flow.PushMethod;
import io.github.harborupload.flow.PushPreparation;
import io.github.harborupload.flow.PushRun;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.TaskType;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemContext;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code upload}: the wizard's whole path in one command, with the session {@code platform login}
 * kept. The registry comes from the platform; without a stored login for it, new Harbor
 * credentials are fetched from the platform, which resets the Harbor password, so only once the
 * user has said yes. Then login, tag, the checks before the push (quota, tag taken), push with
 * progress, import, and the import confirmed in the user's image list.
 */
@Command(name = "upload", sortOptions = false)
final class UploadCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "SOURCE", descriptionKey = "source")
    String source;

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Mixin
    PlainHttpOption plainHttp = new PlainHttpOption();

    @Option(names = "--registry", paramLabel = "HOST")
    String registry;

    @Option(names = "--repository", paramLabel = "REPOSITORY")
    String repository;

    @Option(names = "--tag", paramLabel = "TAG")
    String tag;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--task-type", paramLabel = "TYPE", defaultValue = "custom")
    TaskType taskType;

    @Option(names = "--image-tags", paramLabel = "TAG,TAG")
    String imageTags;

    @Option(names = "--reset-credentials")
    boolean resetCredentials;

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
    /** What the command says along the way: standard error when standard output is for the JSON. */
    private PrintStream info;

    UploadCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() throws PlatformException {
        info = json ? context.err() : context.out();
        if (description != null) {
            ImportStep.descriptionProblem(description).ifPresent(problem -> {
                throw new BadInput(context.text(problem));
            });
        }
        if (resetCredentials && !yes && !context.terminal().isInteractive()) {
            throw new BadInput(context.text("upload.resetNeedsYes"));
        }
        PlatformSession platform = PlatformSessions.require(context, PlatformSessions.address(context, url, plainHttp), plainHttp);
        String host = Targets.host(context, registry != null ? registry : platform.harborRegistry());
        known = known.withRegistry(host);
        ImageChoice image = new TagStep(context.services()).findImage(source);
        Optional<Credential> stored = resetCredentials ? Optional.empty()
                : new CredentialsStep(context.services()).findStoredLogin(host);

        // Everything the user gave is checked before the Harbor password may be reset.
        UploadSession session = new UploadSession();
        session.setPlatform(platform);
        session.setRegistry(host);
        // The platform names the Harbor user after the platform user (crater: UserGetProjectCredential).
        session.setUsername(stored.map(Credential::username).orElse(platform.username()));
        Targets.propose(session, image, repository, tag);
        HarborTarget target = session.target();
        Targets.requireValid(context, target.validate());
        session.setDescription(description != null ? description : ImportStep.proposeDescription(session));
        session.setTaskType(taskType);
        if (imageTags != null) {
            session.setImportTags(ImportStep.parseTags(imageTags));
        }
        known = known.withImage(target.link());

        Credential login = stored.isPresent() ? checkStoredLogin(host, stored.get()) : fetchAndLogIn(platform, host);
        PushPreparation preparation = new PushPreparation(context.services());
        PushPreparation.Plan plan = preparation.check(image, target, login, Optional.of(platform));
        new PushQuestions(context, yes, info).answer(plan, known);
        preparation.tag(plan);
        PushStep pushStep = new PushStep(context.services());
        PushRun run = pushStep.start(target, login, image, via != null ? via : PushMethod.of(context.settings()));
        session.setPush(run);
        PushResult pushed = new PushFollower(context, progress, info).await(run, image, known);
        info.println(context.text("push.done", target.link()));
        info.println(context.text("push.digest", pushed.digest()));
        info.println(context.text("push.size", Sizes.bytes(pushed.size())));

        ExitCode imported = importAndConfirm(platform, session, pushed);
        // After the import: it reads the image's platform from the local image by this very name.
        new LocalTagOffer(context, pushStep, info).offer(image, target, removeLocalTag, !json && !yes);
        return imported;
    }

    @Override
    ProblemContext problemContext() {
        return known;
    }

    /** The import, confirmed in the image list; with --json the one object, printed whatever the import came to. */
    private ExitCode importAndConfirm(PlatformSession platform, UploadSession session, PushResult pushed)
            throws PlatformException {
        HarborTarget target = session.target();
        info.println(context.text("upload.importing", platform.address()));
        boolean imported;
        try {
            imported = ImportStep.importAndConfirm(context.services(), platform, session).confirmed();
        } catch (PlatformException | RuntimeException failure) {
            printJson(target, pushed, false, false);
            throw failure;
        }
        printJson(target, pushed, imported, session.importUpdated());
        if (!imported) {
            return report(Problems.ofUnconfirmedImport(target.link()));
        }
        info.println(context.text(session.importUpdated() ? "import.updated" : "import.confirmed", target.link()));
        return ExitCode.OK;
    }

    /** A stored login is checked with the registry first: one made stale by a reset elsewhere fails here, not mid-push. */
    private Credential checkStoredLogin(String host, Credential stored) {
        try {
            new LoginStep(context.services()).login(host, stored, true);
        } catch (RuntimeException refused) {
            Problem problem = Problems.of(refused, known);
            ExitCode code = report(problem);
            if (problem.type() == ProblemType.LOGIN_FAILED) {
                context.err().println(context.text("upload.storedLoginRefused"));
            }
            throw new CommandEnded(code);
        }
        info.println(context.text("upload.storedLogin", stored.username(), host));
        return stored;
    }

    /** New credentials from the platform (this resets the Harbor password), checked and stored as docker login would. */
    private Credential fetchAndLogIn(PlatformSession platform, String host) throws PlatformException {
        confirmReset(host);
        info.println(context.text("upload.fetching", platform.address()));
        Credential fetched = PlatformSessions.access(context, plainHttp).fetchHarborLogin(platform).credential();
        CredentialStore store = new LoginStep(context.services()).login(host, fetched, false);
        context.updateSettings(settings -> settings.withLogin(host, fetched.username()));
        info.println(context.text("login.savedIn", fetched.username(), host, context.text(store.description())));
        return fetched;
    }

    /**
     * Resetting the password breaks every place the old one is saved, so it needs a yes: typed on
     * the console, or {@code --reset-credentials --yes} where there is no console.
     */
    private void confirmReset(String host) {
        if (resetCredentials && yes) {
            return;
        }
        List<String> ways = List.of(
                context.text("upload.noLogin.reset"),
                context.text("upload.noLogin.login", Program.NAME + " login --registry " + host));
        Console console = context.terminal().console();
        if (console == null) {
            throw new Refusal(ExitCode.AUTH, context.text("upload.noLogin", host), ways);
        }
        console.printf("%s%n", context.text(resetCredentials ? "upload.resetWarning" : "upload.noLoginWarning", host));
        if (!ConsolePrompts.confirm(console, context.text("upload.resetQuestion"), context.text("confirm.choices"))) {
            throw new Refusal(ExitCode.AUTH, context.text("upload.resetDeclined"), ways.subList(1, 2));
        }
    }

    private void printJson(HarborTarget target, PushResult pushed, boolean imported, boolean updated) {
        if (json) {
            context.out().println(Json.write(Json.object()
                    .put("target", target.link())
                    .put("digest", pushed.digest())
                    .put("size", pushed.size())
                    .put("imported", imported)
                    .put("updated", updated)));
        }
    }
}
