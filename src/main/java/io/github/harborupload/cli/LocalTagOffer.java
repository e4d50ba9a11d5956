package io.github.harborupload.cli;

import io.github.harborupload.docker.EngineException;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.PushStep;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import java.io.Console;
import java.io.PrintStream;
import java.util.Optional;

/**
 * After a successful push, what the wizard's result offers (issue 15, item 3): removing the local
 * tag the push gave the image, when {@link PushStep#nameToOffer} says there is one. Asked y/N on a
 * terminal; {@code --remove-local-tag} removes it without asking; never asked without a terminal,
 * with {@code --json} (a script reads the output) or with {@code --yes} (a run that asks nothing).
 * The push has succeeded either way, so nothing here changes how the command ends.
 */
final class LocalTagOffer {

    private final CommandContext context;
    private final PushStep step;
    private final PrintStream info;

    /** @param info where the command says what it did: standard error when standard output is for JSON */
    LocalTagOffer(CommandContext context, PushStep step, PrintStream info) {
        this.context = context;
        this.step = step;
        this.info = info;
    }

    /**
     * @param remove   {@code --remove-local-tag}: remove without asking
     * @param mayAsk   no {@code --json} and no {@code --yes}: a terminal may be asked
     */
    void offer(ImageChoice image, HarborTarget target, boolean remove, boolean mayAsk) {
        Optional<String> name = step.nameToOffer(image, target);
        if (name.isEmpty()) {
            if (remove) {
                info.println(context.text("localTag.notOffered", target.link()));
            }
            return;
        }
        if (remove || (mayAsk && agreed(name.get()))) {
            removeName(name.get(), image.name());
        }
    }

    private boolean agreed(String name) {
        Console console = context.terminal().console();
        return console != null && ConsolePrompts.confirm(console, context.text("localTag.question", name),
                context.text("confirm.choices"));
    }

    private void removeName(String name, String kept) {
        try {
            info.println(step.removeName(name) ? context.text("localTag.removed", name, kept)
                    : context.text("localTag.kept", name));
        } catch (EngineException e) {
            // The image gone meanwhile, the engine stopped: named, and the push stays a success.
            context.err().println(context.text("localTag.failed", name, context.text(Problems.of(e).title())));
        }
    }
}
