package io.github.harborupload.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths inside a tar: {@code ./a/b}, {@code a//b/} and {@code a/c/../b} are all {@code a/b}. */
final class ArchivePaths {

    private ArchivePaths() {
    }

    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** Where a symlink at {@code path} points, as a path from the root (a symlink is relative to its folder). */
    static String symlinkTarget(String path, String target) {
        if (target.startsWith("/")) {
            return normalize(target);
        }
        int slash = path.lastIndexOf('/');
        return normalize(slash < 0 ? target : path.substring(0, slash + 1) + target);
    }

    /** {@code blobs/sha256/<hex>} → {@code sha256:<hex>}; null for any other path. */
    static String blobDigest(String path) {
        String prefix = "blobs/sha256/";
        return path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0
                ? Digests.PREFIX + path.substring(prefix.length()) : null;
    }

    /** {@code sha256:<hex>} → {@code blobs/sha256/<hex>}, where the OCI layout keeps it. */
    static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        return "blobs/" + digest.substring(0, Math.max(colon, 0)) + "/" + digest.substring(colon + 1);
    }
}
