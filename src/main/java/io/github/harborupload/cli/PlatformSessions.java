package io.github.harborupload.cli;

import io.github.harborupload.flow.PlatformAccess;
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
     * platform's own, https://gpu.act.buaa.edu.cn); one that is not a web address ends the command.
     */
    static URI address(CommandContext context, String url) {
        String typed = url != null ? url : context.settings().platformAddress();
        try {
            return PlatformClient.parseAddress(typed);
        } catch (IllegalArgumentException e) {
            throw new BadInput(context.text("platform.badUrl", typed));
        }
    }

    /** The session kept by {@code platform login}; without one, the command ends saying how to sign in. */
    static PlatformSession require(CommandContext context, URI address) {
        return new PlatformAccess(context.services()).resume(address.toString())
                .orElseThrow(() -> new Refusal(ExitCode.AUTH, context.text("platform.notSignedIn", address),
                        List.of(context.text("platform.signInFirst",
                                Cli.NAME + " platform login --url " + address + " --username NAME"))));
    }
}
