package io.github.harborupload.flow;

import io.github.harborupload.docker.LocalImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the image list: an image under one of its names, as {@code docker images} lists an
 * image once per tag. An image without tags is listed once, under its short id.
 */
public record ImageChoice(LocalImage image, String name) {

    /**
     * Whether this is the same line of the list as another, though the image's tags have changed
     * since (a push adds one): same image, same name.
     */
    public boolean sameLine(ImageChoice other) {
        return other != null && image.id().equals(other.image.id()) && name.equals(other.name);
    }

    public boolean isTagged() {
        return !name.equals(image.shortId());
    }

    public static List<ImageChoice> of(List<LocalImage> images) {
        List<ImageChoice> choices = new ArrayList<>(images.size());
        for (LocalImage image : images) {
            if (image.repoTags().isEmpty()) {
                choices.add(new ImageChoice(image, image.shortId()));
            } else {
                image.repoTags().forEach(tag -> choices.add(new ImageChoice(image, tag)));
            }
        }
        return choices;
    }
}
