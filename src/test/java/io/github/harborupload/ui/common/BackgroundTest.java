package io.github.harborupload.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 (JabRef's BackgroundTask shape): the busy flag is reset in {@code onFinished}, which must
 * run first on either outcome and on the FX thread; the caller's executor decides where the work runs.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundTest {

    private final List<Runnable> queued = new ArrayList<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    private void record(Background<String> background) {
        background.onFinished(() -> heard.add("finished on FX " + Platform.isFxApplicationThread()))
                .onSuccess(value -> heard.add("success " + value))
                .onFailure(failure -> heard.add("failure " + failure.getMessage()))
                .executeWith(queued::add);
    }

    @Test
    void finishedComesFirstThenTheSuccess() {
        record(Background.of(() -> "done"));
        assertEquals(1, queued.size(), "handed to the caller's executor");
        assertTrue(heard.isEmpty(), "nothing runs before the executor runs it");

        queued.get(0).run();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("finished on FX true", "success done"), heard);
    }

    @Test
    void finishedComesFirstThenTheFailure() {
        record(Background.of(() -> {
            throw new IllegalStateException("engine gone");
        }));

        queued.get(0).run();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("finished on FX true", "failure engine gone"), heard);
    }
}
