package io.github.harborupload.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class AppIconsTest {

    @BeforeAll
    static void startJavaFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everySizeLoadsAtItsOwnSize() {
        List<Image> icons = AppIcons.all();

        assertEquals(AppIcons.SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = AppIcons.SIZES.get(i);
            assertFalse(icon.isError(), "icon-" + size + ".png does not decode");
            assertEquals(size, icon.getWidth(), "width of icon-" + size + ".png");
            assertEquals(size, icon.getHeight(), "height of icon-" + size + ".png");
        }
    }

    @Test
    void theIconIsOpaqueInTheMiddleAndTransparentInTheCorner() {
        Image largest = AppIcons.all().get(AppIcons.SIZES.size() - 1);

        assertEquals(1.0, largest.getPixelReader().getColor(128, 128).getOpacity(), 0.01);
        assertEquals(0.0, largest.getPixelReader().getColor(0, 0).getOpacity(), 0.01);
    }
}
