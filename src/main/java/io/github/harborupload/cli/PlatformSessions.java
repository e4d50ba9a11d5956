package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformClient;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import java.net.URI;
import java.util.List;

/** The platform a command talks to ({@code --url}, else the remembered one) and the session {@code platform login} kept for it. */
final class PlatformSessions {

    private PlatformSessions() {
    }

    /**
     * The address {@code --url} gives, else the one remembered in the settings (by default the
     * platform's own, https://gpu.act.buaa.edu.cn); one that is not a web address ends the command,
     * as does plain http to another computer without {@code --allow-http}. With it, a warning is
     * printed each time.
     */
    static URI address(CommandContext context, String url, PlainHttpOption plainHttp) {
        String typed = url != null ? url : context.settings().platformAddress();
        URI address;
        try {
            address = PlatformClient.parseAddress(typed, plainHttp.allowed);
        } catch (PlainHttpRefusedException e) {
            throw new BadInput(context.text("platform.plainHttpRefused", e.address()));
        } catch (IllegalArgumentException e) {
            throw new BadInput(context.text("platform.badUrl", typed));
        }
        if (PlatformClient.isPlainHttpToAnotherHost(address)) {
            context.err().println(context.text("problem.warning", context.text("platform.plainHttpWarning", address)));
        }
        return address;
    }

    /** The way to the platform for this command: plain http only if it was allowed. */
    static PlatformAccess access(CommandContext context, PlainHttpOption plainHttp) {
        return new PlatformAccess(context.services(), plainHttp.allowed);
    }

    /**
     * The session kept by {@code platform login}; without one, the command ends saying how to sign
     * in. With {@code --verbose}, says which platform build answers (issue 12), which the details
     * of its problems then name too.
     */
    static PlatformSession require(CommandContext context, URI address, PlainHttpOption plainHttp) {
        PlatformSession session = access(context, plainHttp).resume(address.toString())
                .orElseThrow(() -> new Refusal(ExitCode.AUTH, context.text("platform.notSignedIn", address),
                        List.of(context.text("platform.signInFirst",
                                Program.NAME + " platform login --url " + address + " --username NAME"))));
        if (context.verbose()) {
            try {
                String build = session.serverBuild().orElse(context.text("platform.buildUnknown"));
                context.err().println(context.text("platform.build", address, build));
            } catch (PlatformException e) {
                // Only a report line: the command's own call says what is wrong, with the platform's words.
                context.err().println(context.text("platform.build", address, e.getMessage()));
            }
        }
        return session;
    }
}
