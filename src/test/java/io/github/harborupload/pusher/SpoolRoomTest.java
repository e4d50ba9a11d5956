package io.github.harborupload.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.problems.Problem;
import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Problems;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: "skipped … when the disk is short". SpoolRoom tells a short disk before anything is
 * written; the layer then goes without a spool, and if the registry needs its bytes again, the
 * problem names the folder and the room needed, in both languages.
 */
class SpoolRoomTest {

    private static final Path FOLDER = Path.of("/home/alice/.cache/harbor-upload-wizard/spool/x");
    private static final long LAYER = 3L << 30;

    @Test
    void aDiskWithNoRoomIsShortAndTheProblemNamesFolderAndSpace() {
        SpoolRoom full = new SpoolRoom(folder -> 0);

        SpoolSpaceException short1 = full.shortage(FOLDER, LAYER).orElseThrow();

        assertEquals(LAYER + SpoolRoom.RESERVE, short1.needed());
        Problem problem = Problems.of(new IOException("push failed", short1));
        assertEquals(ProblemType.SPOOL_DISK_FULL, problem.type());
        String english = new Translator(Language.ENGLISH).text(problem.causes().get(0));
        assertTrue(english.contains(FOLDER.toString()) && english.contains("3.49 GB"), english);
        String chinese = new Translator(Language.CHINESE).text(problem.causes().get(0));
        assertTrue(chinese.contains(FOLDER.toString()) && chinese.contains("缓存文件夹"), chinese);
    }

    @Test
    void aDiskWithRoomForTheLayerAndTheReserveLetsItSpool() {
        SpoolRoom room = new SpoolRoom(folder -> LAYER + SpoolRoom.RESERVE);
        assertTrue(room.shortage(FOLDER, LAYER).isEmpty());
        assertTrue(room.shortage(FOLDER, LAYER + 1).isPresent(), "the reserve is kept");
    }

    @Test
    void aFileSystemThatCannotTellItsSpaceDoesNotStopThePush() {
        SpoolRoom unknown = new SpoolRoom(folder -> {
            throw new IOException("statfs failed");
        });
        assertTrue(unknown.shortage(FOLDER, LAYER).isEmpty());
    }

    @Test
    void theRealFileStoreAnswersForAFolderNotMadeYet() throws IOException {
        assertTrue(UsableSpace.FILE_STORE.bytes(Path.of(System.getProperty("java.io.tmpdir"), "not", "made", "yet")) > 0);
    }
}
