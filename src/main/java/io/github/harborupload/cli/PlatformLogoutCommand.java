package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.SessionNotForgottenException;
import io.github.harborupload.problems.Problems;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code platform logout}: forgets the session {@code platform login} kept on this computer, or
 * with {@code --all} every kept session. A session that may still be kept (the keychain could not
 * be reached) is a failure, never "Signed out".
 */
@Command(name = "logout", sortOptions = false)
final class PlatformLogoutCommand extends CliCommand {

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Mixin
    PlainHttpOption plainHttp = new PlainHttpOption();

    @Option(names = "--all")
    boolean all;

    PlatformLogoutCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        PlatformAccess access = PlatformSessions.access(context, plainHttp);
        try {
            if (all) {
                access.signOutEverywhere();
                context.out().println(context.text("platform.signedOutEverywhere"));
                return ExitCode.OK;
            }
            URI address = PlatformSessions.address(context, url, plainHttp);
            access.signOut(address.toString());
            context.out().println(context.text("platform.signedOut", address));
            return ExitCode.OK;
        } catch (SessionNotForgottenException e) {
            return report(Problems.of(e, problemContext()));
        }
    }
}
