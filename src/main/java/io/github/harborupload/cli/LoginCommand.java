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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final int MAX_PASTE_BYTES = 4 * CredentialsStep.MAX_PASTE_LENGTH + 4;

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
            session.setPassword(readPassword());
        } else if (credentialsFile == null) {
            prompt(session, host);
        }
        Credential credential = check(session, warnings);
        warnings.forEach(warning -> context.err().println(context.text("note", warning)));

        checkedRegistry = host;
        CredentialStore store = new LoginStep(context.services()).login(host, credential, false);
        context.updateSettings(settings -> settings.withHarborAddress(host).withLastUsername(credential.username()));
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
        String text = credentialsFile.equals("-") ? readStandardInput() : readFile(Path.of(credentialsFile));
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
            String typed = console.readLine("%s", context.text("login.promptUsername"));
            session.setUsername(typed == null ? "" : typed);
        }
        char[] typed = console.readPassword("%s", context.text("login.promptPassword"));
        if (typed != null) {
            session.setPassword(new String(typed));
            Arrays.fill(typed, '\0');
        }
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

    private String readStandardInput() {
        try {
            return readBounded(context.terminal().in());
        } catch (IOException e) {
            throw new BadInput(context.text("login.stdinUnreadable", e.getMessage()));
        }
    }

    /** The password from standard input: at most as long as a paste may be, or it is not a password. */
    private String readPassword() {
        String password = withoutLineEnd(readStandardInput());
        if (password.length() > CredentialsStep.MAX_PASTE_LENGTH) {
            throw new BadInput(context.text("login.stdinTooLong", CredentialsStep.MAX_PASTE_LENGTH));
        }
        return password;
    }

    private String readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readBounded(in);
        } catch (NoSuchFileException e) {
            throw new BadInput(context.text("login.fileMissing", file));
        } catch (IOException e) {
            throw new BadInput(context.text("login.fileUnreadable", file, e.getMessage()));
        }
    }

    /**
     * The text of a stream, but never more than a paste may hold and one character: a file that
     * never ends (/dev/zero) or is huge stops there, and its length says it was too long. Bytes
     * that are not UTF-8 (a binary file) become replacement characters, which hold no credential.
     */
    private static String readBounded(InputStream in) throws IOException {
        return new String(in.readNBytes(MAX_PASTE_BYTES), StandardCharsets.UTF_8);
    }

    /** As {@code docker login --password-stdin}: one line end at the end is not part of the password. */
    static String withoutLineEnd(String text) {
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return trimmed.endsWith("\r") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
