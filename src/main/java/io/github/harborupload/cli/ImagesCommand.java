package io.github.harborupload.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.harborupload.cli.progress.TextWidth;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.TagStep;
import io.github.harborupload.i18n.Sizes;
import io.github.harborupload.i18n.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code images}: the local images, one line per name as {@code docker images} lists them, or JSON. */
@Command(name = "images", sortOptions = false)
final class ImagesCommand extends CliCommand {

    @Option(names = "--json")
    boolean json;

    ImagesCommand(CommandContext context) {
        super(context);
    }

    @Override
    ExitCode execute() {
        List<ImageChoice> images = new TagStep(context.services()).listImages();
        context.out().println(json ? Json.write(asJson(images)) : table(images, Instant.now()));
        return ExitCode.OK;
    }

    static ArrayNode asJson(List<ImageChoice> images) {
        ArrayNode array = Json.array();
        for (ImageChoice choice : images) {
            array.addObject()
                    .put("name", choice.isTagged() ? choice.name() : null)
                    .put("id", choice.image().id())
                    .put("shortId", choice.image().shortId())
                    .put("size", choice.image().size())
                    .put("created", choice.image().created().toString());
        }
        return array;
    }

    /** Columns as wide as their widest cell, headers in the user's language. */
    private String table(List<ImageChoice> images, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {context.text("images.name"), context.text("images.id"), context.text("images.size"),
            context.text("images.created")});
        for (ImageChoice choice : images) {
            rows.add(new String[] {choice.isTagged() ? choice.name() : "<none>", choice.image().shortId(),
                Sizes.bytes(choice.image().size()), context.text(Times.age(choice.image().created(), now))});
        }
        int[] widths = new int[4];
        rows.forEach(row -> {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], TextWidth.of(row[column]));
            }
        });
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int column = 0; column < row.length - 1; column++) {
                text.append(TextWidth.pad(row[column], widths[column])).append("   ");
            }
            text.append(row[row.length - 1]).append('\n');
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }
}
