package io.github.harborupload.cli;

import io.github.harborupload.flow.ImageArchitectures;
import io.github.harborupload.flow.ImportStep;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.platform.ImportOutcome;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.platform.PlatformException;
import io.github.harborupload.platform.PlatformSession;
import io.github.harborupload.platform.TaskType;
import io.github.harborupload.problems.Problems;
import io.github.harborupload.reference.HarborTarget;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import}: registers a pushed image on the platform with the session {@code platform login}
 * kept, then looks for it in the user's image list, because the platform can answer success
 * without saving. The platform's limits (link 128, description 512 characters) are checked here,
 * before anything is sent.
 */
@Command(name = "import", sortOptions = false)
final class ImportCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "LINK", descriptionKey = "link")
    String link;

    @Option(names = "--url", paramLabel = "URL")
    String url;

    @Mixin
    PlainHttpOption plainHttp = new PlainHttpOption();

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--task-type", paramLabel = "TYPE", defaultValue = "custom")
    TaskType taskType;

    @Option(names = "--image-tags", paramLabel = "TAG,TAG")
    String imageTags;

    @Option(names = "--json")
    boolean json;

    ImportCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() throws PlatformException {
        String imageLink = link.strip();
        ImportRequest request = new ImportRequest(imageLink, description != null ? description : ImportStep.proposeDescription(imageLink),
                taskType, List.of(), List.of());
        List<Text> reasons = new ArrayList<>(request.issues());
        if (request.description().isBlank()) {
            ImportStep.descriptionProblem(request.description()).ifPresent(reasons::add);
        }
        if (!reasons.isEmpty()) {
            throw new BadInput(reasons.stream().map(context::text).toList());
        }
        PlatformSession platform = PlatformSessions.require(context, PlatformSessions.address(context, url, plainHttp), plainHttp);

        // The image's platform: the local image of that name, else its config in the registry.
        HarborTarget parts = TagStep.targetOf(imageLink);
        List<String> tags = imageTags != null ? ImportStep.parseTags(imageTags)
                : context.services().platformChoices().importTags(ImportStep.repositoryOf(parts));
        ImportRequest complete = new ImportRequest(imageLink, request.description(), taskType, tags,
                new ImageArchitectures(context.services()).ofLink(parts));
        ImportOutcome outcome = ImportStep.importAndConfirm(context.services(), platform, complete, parts);
        if (json) {
            context.out().println(Json.write(Json.object().put("link", imageLink).put("imported", outcome.confirmed())
                    .put("updated", outcome.updated())));
        }
        if (!outcome.confirmed()) {
            return report(Problems.ofUnconfirmedImport(imageLink));
        }
        (json ? context.err() : context.out()).println(context.text(outcome.updated() ? "import.updated" : "import.confirmed", imageLink));
        return ExitCode.OK;
    }
}
