package io.github.harborupload.pusher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes a folder's file system lets this user write now; an interface so a test can be short of disk. */
@FunctionalInterface
interface UsableSpace {

    /** The file store's usable space, the nearest existing folder's when {@code folder} is not made yet. */
    UsableSpace FILE_STORE = folder -> {
        Path existing = folder.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        return Files.getFileStore(existing).getUsableSpace();
    };

    long bytes(Path folder) throws IOException;
}
