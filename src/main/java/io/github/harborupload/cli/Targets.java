package io.github.harborupload.cli;

import io.github.harborupload.flow.CredentialsStep;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.flow.UploadSession;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.reference.Validation;
import io.github.harborupload.reference.Violation;
import java.util.Optional;

/** The target of a push as {@code push} and {@code upload} choose it: proposed as the wizard does, checked by its rules. */
final class Targets {

    private Targets() {
    }

    /** The registry host as typed, the way Docker keys it; an address that cannot be one ends the command. */
    static String host(CommandContext context, String typed) {
        String host = CredentialsStep.normalizeRegistry(typed);
        Optional<Text> problem = CredentialsStep.registryProblem(host);
        if (problem.isPresent()) {
            throw new BadInput(context.text(problem.get()));
        }
        return host;
    }

    /**
     * Fills the session's target with the wizard's proposal for the image (the session holds the
     * registry and username), then with what the options replace; null options replace nothing.
     */
    static void propose(UploadSession session, ImageChoice image, String repository, String tag) {
        TagStep.propose(session, image);
        if (repository != null) {
            session.setRepository(repository);
        }
        if (tag != null) {
            session.setTag(tag);
        }
    }

    /** Every broken rule ends the command with its reason; warnings are only shown. */
    static void requireValid(CommandContext context, Validation validation) {
        if (!validation.isValid()) {
            throw new BadInput(validation.errors().stream().map(Violation::message).map(context::text).toList());
        }
        validation.warnings().forEach(warning -> context.err().println(context.text("note", context.text(warning.message()))));
    }
}
