package io.github.harborupload.files;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces a file's content all at once or not at all: a temporary file in the same folder, flushed
 * to disk, then renamed over the old one. The result is readable by its owner only. A temporary
 * file a killed write left behind is removed by a later write. A rename refused because another
 * program holds the file (Windows) is tried again for a while before {@link FileInUseException}.
 * A thread's interrupt does not stop a write halfway (the folder's own sync aside, which is best effort).
 */
public final class AtomicFile {

    private static final String TEMP_SUFFIX = ".tmp";
    /** Far longer than any write takes, so a leftover this old is nobody's write in progress. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);
    /**
     * Waits between renames refused as in use: about 3 s in all, longer than a virus scan of a small
     * file takes, short enough for a user waiting on a button.
     */
    static final List<Duration> RETRY_WAITS = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1000));

    /** The rename at the end of a write; a test's may refuse as Windows does while a file is held. */
    interface Rename {
        Rename ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

        void move(Path from, Path to) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code file}. On POSIX file systems the file is 0600 and a folder this
     * creates is 0700. A symbolic link at the file's place is followed, so a link into a dotfiles
     * folder stays a link. A read-only file is left alone.
     *
     * @throws IOException when it cannot be written; the old file is then unchanged and no
     *                     temporary file is left behind
     */
    public static void write(Path file, byte[] content) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        write(file, content, Rename.ATOMIC, posix ? List.of() : RETRY_WAITS);
    }

    /** @param retryWaits the pauses between renames refused as in use; none where a rename never is (POSIX) */
    static void write(Path file, byte[] content, Rename rename, List<Duration> retryWaits) throws IOException {
        Path target = followLink(file.toAbsolutePath());
        // A rename would replace a read-only file too; the user made it read-only to keep it as it is.
        if (Files.exists(target) && isReadOnly(target)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        Path folder = target.getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        createFolder(folder, posix);
        String prefix = target.getFileName().toString();
        Path temp = posix
                ? Files.createTempFile(folder, prefix, TEMP_SUFFIX, permissions("rw-------"))
                : Files.createTempFile(folder, prefix, TEMP_SUFFIX);
        try {
            // java.io, not a FileChannel: a channel's write or force on a thread that is interrupted
            // (an upload stopped while it records what the registry committed) closes the channel
            // and loses the write.
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(content);
                out.getFD().sync();
            }
            renameRetrying(rename, temp, target, retryWaits);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncFolder(folder);
        removeLeftovers(folder, prefix, temp);
    }

    /**
     * Windows refuses to rename over a file another program has open without delete sharing, as
     * "access denied" (ERROR_ACCESS_DENIED) or "being used by another process" (ERROR_SHARING_VIOLATION);
     * the antivirus or indexer lets go soon. The file's own read-only mark was checked before, so
     * access denied there means held. A POSIX rename is never refused for an open file: its access
     * denied is for good, and it gets no waits.
     */
    private static void renameRetrying(Rename rename, Path temp, Path target, List<Duration> waits) throws IOException {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            try {
                rename.move(temp, target);
                return;
            } catch (FileSystemException e) {
                if (!isHeld(e) || (waits.isEmpty() && e instanceof AccessDeniedException)) {
                    throw e;
                }
                if (attempt == waits.size()) {
                    throw new FileInUseException(target, waited, e);
                }
                pause(waits.get(attempt));
                waited = waited.plus(waits.get(attempt));
            }
        }
    }

    private static boolean isHeld(FileSystemException e) {
        return e instanceof AccessDeniedException
                || (e.getReason() != null && e.getReason().contains("being used by another process"));
    }

    private static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the file to be free");
        }
    }

    /**
     * A write killed half-way (power cut, kill -9) leaves its temporary file behind, and with it a
     * copy of what was being written, secrets included: those of this file go at its next write.
     * One younger than {@link #LEFTOVER_AGE} may be another process writing right now, and stays.
     */
    private static void removeLeftovers(Path folder, String prefix, Path ours) {
        Pattern leftover = Pattern.compile(Pattern.quote(prefix) + "\\d+" + Pattern.quote(TEMP_SUFFIX));
        Instant old = Instant.now().minus(LEFTOVER_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                path -> leftover.matcher(path.getFileName().toString()).matches() && !path.equals(ours))) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(old)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // Best effort: the file itself is written; a leftover waits for the next write.
        }
    }

    /**
     * Read-only as the owner marked it: on POSIX the owner's write bit, which root's access rights
     * would otherwise ignore; elsewhere, whether the file may be written.
     */
    private static boolean isReadOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        }
        return !Files.isWritable(file);
    }

    private static Path followLink(Path path) throws IOException {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (NoSuchFileException dangling) {
            // Like the CLI, write through a link whose target does not exist yet, creating the target.
            return path.getParent().resolve(Files.readSymbolicLink(path));
        }
    }

    private static void createFolder(Path folder, boolean posix) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix) {
            Files.createDirectories(folder, permissions("rwx------"));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static FileAttribute<?> permissions(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    /** Makes the rename itself durable. Windows cannot open a folder this way; NTFS journals the rename. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort: the new file is in place either way.
        }
    }
}
