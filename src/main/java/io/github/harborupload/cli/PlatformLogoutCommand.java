package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code platform logout}: forgets the session {@code platform login} kept on this computer. */
@Command(name = "logout", sortOptions = false)
final class PlatformLogoutCommand extends CliCommand {

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Mixin
    PlainHttpOption plainHttp = new PlainHttpOption();

    PlatformLogoutCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        URI address = PlatformSessions.address(context, url, plainHttp);
        PlatformAccess access = PlatformSessions.access(context, plainHttp);
        access.signOut(address.toString());
        if (access.resume(address.toString()).isPresent()) {
            context.err().println(context.text("problem.warning", context.text("platform.notForgotten")));
            return ExitCode.OTHER;
        }
        context.out().println(context.text("platform.signedOut", address));
        return ExitCode.OK;
    }
}
