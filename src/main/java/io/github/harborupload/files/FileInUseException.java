package io.github.harborupload.files;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A file could not be replaced because another program held it open the whole time the write kept
 * trying: on Windows a rename over a file opened without delete sharing fails (a sharing violation,
 * reported as access denied), and the antivirus, the search indexer or a sync client open files
 * right after they change (issue 16, item 8). Not a permission problem, so no chmod advice.
 */
public final class FileInUseException extends FileSystemException {

    FileInUseException(Path file, Duration tried, Throwable last) {
        super(file.toString(), null, "another program holds the file open (still after " + tried.toMillis()
                + " ms of retrying; on Windows usually the antivirus such as Microsoft Defender, the search indexer,"
                + " or a sync client such as OneDrive): " + last.getMessage());
        initCause(last);
    }
}
