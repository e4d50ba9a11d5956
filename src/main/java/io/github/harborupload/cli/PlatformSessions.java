package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
import io.github.harborupload.platform.PlainHttpRefusedException;
import io.github.harborupload.platform.PlatformClient;
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

    /** The session kept by {@code platform login}; without one, the command ends saying how to sign in. */
    static PlatformSession require(CommandContext context, URI address, PlainHttpOption plainHttp) {
        return access(context, plainHttp).resume(address.toString())
                .orElseThrow(() -> new Refusal(ExitCode.AUTH, context.text("platform.notSignedIn", address),
                        List.of(context.text("platform.signInFirst",
                                Program.NAME + " platform login --url " + address + " --username NAME"))));
    }
}
