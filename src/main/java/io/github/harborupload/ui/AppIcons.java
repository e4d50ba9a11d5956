package io.github.harborupload.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The app's icon in the sizes a window shows (title bar, task bar, task switcher), for
 * {@code stage.getIcons().setAll(AppIcons.all())}. The PNGs are rendered from icons/harbor-upload.svg
 * by scripts/icons.sh.
 */
public final class AppIcons {

    /** Edge lengths in pixels, smallest first; each has an icons/icon-N.png beside this class. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /**
     * Every size, smallest first. Needs the JavaFX toolkit to be running.
     *
     * @throws IllegalStateException when a size is missing from the jar (a packaging mistake)
     */
    public static List<Image> all() {
        return SIZES.stream().map(AppIcons::load).toList();
    }

    private static Image load(int size) {
        String name = "icons/icon-" + size + ".png";
        try (InputStream png = AppIcons.class.getResourceAsStream(name)) {
            if (png == null) {
                throw new IllegalStateException("the app icon " + name + " is missing from the jar");
            }
            return new Image(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
