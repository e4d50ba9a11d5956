package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.SignInMethod;
import java.io.Console;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code platform login}: signs in to the GPU platform with an LDAP or a normal account
 * ({@code --auth}; the way it signs people in is asked first)
 * and keeps the session's tokens, never the password, for the commands that follow: in the system
 * keychain, else in an owner-only file in the app's config folder.
 */
@Command(name = "login", sortOptions = false)
final class PlatformLoginCommand extends CliCommand {

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Mixin
    PlainHttpOption plainHttp = new PlainHttpOption();

    @Option(names = {"-u", "--username"}, paramLabel = "USER")
    String username;

    @Option(names = "--auth", paramLabel = "ldap|normal")
    String auth;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    /** Taken only to refuse it without echoing it: a password typed here is already in the shell history. */
    @Option(names = {"-p", "--password"}, hidden = true, paramLabel = "PASSWORD")
    String passwordArgument;

    PlatformLoginCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() throws PlatformException {
        if (passwordArgument != null) {
            throw new BadInput(context.text("platform.passwordArgument"));
        }
        URI address = PlatformSessions.address(context, url, plainHttp);
        // Without --auth: the method used last here, else the platform's LDAP when it has one.
        SignInMethod method = auth == null ? null : SignInMethod.fromValue(auth)
                .orElseThrow(() -> new BadInput(context.text("platform.badAuth", auth)));
        String user = username == null ? "" : username.strip();
        String password;
        if (passwordStdin) {
            if (user.isEmpty()) {
                throw new BadInput(context.text("login.usernameRequired"));
            }
            password = StandardInput.password(context);
        } else {
            Console console = context.terminal().console();
            if (console == null) {
                throw new BadInput(context.text("platform.noInput"));
            }
            console.printf("%s%n", context.text("platform.promptFor", address));
            if (user.isEmpty()) {
                user = ConsolePrompts.line(console, context.text("platform.promptUsername"));
            }
            password = ConsolePrompts.secret(console, context.text("login.promptPassword"));
        }
        if (user.isEmpty() || password.isEmpty()) {
            throw new BadInput(context.text("platform.nothingTyped"));
        }

        PlatformAccess access = PlatformSessions.access(context, plainHttp);
        PlatformSession session = access.signIn(address.toString(), method, user, password, true);
        context.updateSettings(settings -> settings.withPlatformAddress(address.toString()));
        context.out().println(context.text("platform.signedIn", session.username()));
        // Keeping it is best effort in the flow (the wizard works on without); here the next command needs it.
        if (access.resume(address.toString()).isEmpty()) {
            context.err().println(context.text("problem.warning", context.text("platform.notKept")));
            return ExitCode.OTHER;
        }
        context.out().println(context.text("platform.kept", Program.NAME + " platform logout"));
        return ExitCode.OK;
    }
}
