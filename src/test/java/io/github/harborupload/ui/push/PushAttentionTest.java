package io.github.harborupload.ui.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The push as seen from outside its view (issue 19): the percentage in the title and on the icon,
 * and a notification at the end only for a user who is in another window.
 */
class PushAttentionTest {

    private final List<String> titles = new ArrayList<>();
    private final List<Integer> icon = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private boolean focused = true;

    private final PushAttention attention = new PushAttention("Harbor Upload Wizard", titles::add, () -> focused,
            (title, message) -> notifications.add(title + " | " + message), icon::add);

    @Test
    void thePercentageGoesIntoTheTitleAndOnTheIconOnlyWhenItChanges() {
        attention.progress(0.45);
        attention.progress(0.451);
        attention.progress(0.46);

        assertEquals(List.of("45 % · Harbor Upload Wizard", "46 % · Harbor Upload Wizard"), titles);
        assertEquals(List.of(45, 46), icon, "20 refreshes a second must not mean 20 calls to the taskbar");
    }

    @Test
    void anEndWhileTheUserIsInAnotherWindowIsNotified() {
        attention.progress(0.99);
        focused = false;

        attention.ended("Uploaded to Harbor", "harbor.example/library/app:1 is in Harbor now.");

        assertEquals(List.of("Uploaded to Harbor | harbor.example/library/app:1 is in Harbor now."), notifications);
        assertEquals("Harbor Upload Wizard", titles.get(titles.size() - 1), "the title is the app's again");
        assertEquals(-1, icon.get(icon.size() - 1), "the progress is off the icon");
    }

    @Test
    void anEndTheUserWatchesIsNotNotified() {
        attention.progress(0.3);

        attention.ended("Upload failed", "The upload of library/app:1 stopped. Open the wizard to see why.");

        assertEquals(List.of(), notifications);
        assertEquals("Harbor Upload Wizard", titles.get(titles.size() - 1));
    }

    @Test
    void aPushShownAgainAfterItEndedSaysNothing() {
        // Back from the import step, or a change of language, shows the finished push in a new view.
        focused = false;

        attention.ended("Uploaded to Harbor", "library/app:1 is in Harbor now.");

        assertEquals(List.of(), notifications);
        assertEquals(List.of(), titles);
        assertEquals(List.of(), icon);
    }
}
