package io.github.harborupload.cli;

import io.github.harborupload.credentials.Credential;
import io.github.harborupload.credentials.CredentialIssue;
import io.github.harborupload.credentials.PastedCredentials;
import io.github.harborupload.docker.config.CredentialStore;
import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.LoginStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.problems.ProblemContext;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code login}: checks a Harbor login through the Docker engine and stores it where
 * {@code docker login} would, like the wizard's first two steps. The password comes from standard
 * input, from the text of the platform's credential dialog, or from a prompt that does not echo;
 * never from the command line.
 */
@Command(name = "login", sortOptions = false)
final class LoginCommand extends CliCommand {

    /** What docker prints, in every language: scripts and people look for these words. */
    static final String SUCCEEDED = "Login Succeeded";

    @Option(names = "--registry", paramLabel = "HOST")
    String registry;

    @Option(names = {"-u", "--username"}, paramLabel = "USER")
    String username;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Option(names = "--credentials-file", paramLabel = "FILE|-")
    String credentialsFile;

    /** Taken only to refuse it without echoing it: a password typed here is already in the shell history. */
    @Option(names = {"-p", "--password"}, hidden = true, paramLabel = "PASSWORD")
    String passwordArgument;

    private String checkedRegistry;

    /** UTF-8 takes at most 4 bytes a character: this many bytes hold more characters than a paste may. */

    LoginCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        if (passwordArgument != null) {
            throw new BadInput(context.text("login.passwordArgument"));
        }
        if (passwordStdin && credentialsFile != null) {
            throw new BadInput(context.text("login.twoSources"));
        }
        UploadSession session = new UploadSession();
        Set<String> warnings = new LinkedHashSet<>();
        if (credentialsFile != null) {
            readPaste(session, warnings);
        }
        if (username != null) {
            session.setUsername(username);
        }
        String host = chooseRegistry(session, warnings);
        if (passwordStdin) {
            if (session.username().isEmpty()) {
                throw new BadInput(context.text("login.usernameRequired"));
            }
            session.setPassword(StandardInput.password(context));
        } else if (credentialsFile == null) {
            prompt(session, host);
        }
        Credential credential = check(session, warnings);
        warnings.forEach(warning -> context.err().println(context.text("note", warning)));

        checkedRegistry = host;
        CredentialStore store = new LoginStep(context.services()).login(host, credential, false);
        context.updateSettings(settings -> settings.withLogin(host, credential.username()));
        context.out().println(context.text("login.savedIn", credential.username(), host, context.text(store.description())));
        context.out().println(SUCCEEDED);
        return ExitCode.OK;
    }

    @Override
    ProblemContext problemContext() {
        return ProblemContext.none().withRegistry(checkedRegistry);
    }

    /** Fills the session from the pasted text, with the wizard's parser; its errors end the command. */
    private void readPaste(UploadSession session, Set<String> warnings) {
        String text = credentialsFile.equals("-") ? StandardInput.readAll(context) : readFile(Path.of(credentialsFile));
        PastedCredentials parsed = new CredentialsStep(context.services()).applyPaste(session, text);
        List<String> errors = new ArrayList<>();
        parsed.issues().forEach(issue -> sort(issue, errors, warnings));
        if (!errors.isEmpty()) {
            throw new BadInput(errors);
        }
    }

    /** --registry, else the address in the pasted text, else the remembered one (by default the platform's). */
    private String chooseRegistry(UploadSession session, Set<String> warnings) {
        String pasted = CredentialsStep.normalizeRegistry(session.registry());
        String chosen;
        if (registry != null) {
            chosen = CredentialsStep.normalizeRegistry(registry);
            if (!pasted.isEmpty() && !pasted.equals(chosen)) {
                warnings.add(context.text("login.registryOverridesPaste", chosen, pasted));
            }
        } else {
            chosen = pasted.isEmpty() ? CredentialsStep.normalizeRegistry(context.settings().harborAddress()) : pasted;
        }
        Optional<Text> problem = CredentialsStep.registryProblem(chosen);
        if (problem.isPresent()) {
            throw new BadInput(context.text(problem.get()));
        }
        session.setRegistry(chosen);
        return chosen;
    }

    /** Asks on the console, the password without echo; without a console there is no one to ask. */
    private void prompt(UploadSession session, String host) {
        Console console = context.terminal().console();
        if (console == null) {
            throw new BadInput(context.text("login.noInput"));
        }
        console.printf("%s%n", context.text("login.promptFor", host));
        if (session.username().isEmpty()) {
            session.setUsername(ConsolePrompts.line(console, context.text("login.promptUsername")));
        }
        session.setPassword(ConsolePrompts.secret(console, context.text("login.promptPassword")));
    }

    /** The credential, if usernames and passwords rules allow it; their warnings are collected. */
    private Credential check(UploadSession session, Set<String> warnings) {
        List<String> errors = new ArrayList<>();
        CredentialsStep.usernameIssue(session.username()).ifPresent(issue -> sort(issue, errors, warnings));
        CredentialsStep.passwordIssue(session.password()).ifPresent(issue -> sort(issue, errors, warnings));
        if (!errors.isEmpty()) {
            throw new BadInput(errors);
        }
        return session.typedCredential();
    }

    private void sort(CredentialIssue issue, List<String> errors, Set<String> warnings) {
        (issue.isError() ? errors : warnings).add(context.text(issue.text()));
    }

    private String readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return StandardInput.readBounded(in);
        } catch (NoSuchFileException e) {
            throw new BadInput(context.text("login.fileMissing", file));
        } catch (IOException e) {
            throw new BadInput(context.text("login.fileUnreadable", file, e.getMessage()));
        }
    }
}
