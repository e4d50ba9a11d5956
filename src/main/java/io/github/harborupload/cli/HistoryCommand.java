package io.github.harborupload.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.harborupload.i18n.Times;
import io.github.harborupload.settings.PastUpload;
import io.github.harborupload.settings.UploadHistory;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code history}: the uploads made from this computer, newest first, by either face (the flow
 * records them): link and whether it is imported, then the local image, when, and the digest.
 */
@Command(name = "history", sortOptions = false)
final class HistoryCommand extends CliCommand {

    private static final String INDENT = "    ";

    @Option(names = "--json")
    boolean json;

    HistoryCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        UploadHistory history = context.services().uploadHistory();
        List<PastUpload> uploads = history.list();
        history.setAside().ifPresent(aside -> context.err().println(context.text("history.setAside", aside)));
        if (json) {
            ArrayNode array = Json.array();
            uploads.forEach(upload -> array.add(UploadHistory.asJson(upload)));
            context.out().println(Json.write(array));
        } else if (uploads.isEmpty()) {
            context.out().println(context.text("history.empty"));
        } else {
            Instant now = Instant.now();
            for (PastUpload upload : uploads) {
                context.out().println(upload.link() + "   " + context.text(upload.imported() ? "history.imported" : "history.notImported"));
                context.out().println(INDENT + context.text("history.from", upload.image(), Times.dateTime(upload.pushed()),
                        context.text(Times.age(upload.pushed(), now))));
                context.out().println(INDENT + upload.digest());
            }
        }
        return ExitCode.OK;
    }
}
