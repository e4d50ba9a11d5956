package io.github.harborupload.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small image and the archives docker save would write of it, built in memory: layers of random
 * bytes (the reader does not look inside a layer), a config naming their diff_ids.
 */
final class TestImage {

    final List<byte[]> layers = new ArrayList<>();
    final byte[] config;

    TestImage(int... layerSizes) {
        Random random = new Random(17);
        List<String> diffIds = new ArrayList<>();
        for (int size : layerSizes) {
            byte[] layer = new byte[size];
            random.nextBytes(layer);
            layer[0] = 'x'; // a tar starts with a file name, never with '{'
            layers.add(layer);
            diffIds.add(sha256(layer));
        }
        config = configWith(diffIds);
    }

    static byte[] configWith(List<String> diffIds) {
        String ids = String.join("\",\"", diffIds);
        return ("{\"architecture\":\"arm64\",\"variant\":\"v8\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + ids + "\"]}}").getBytes(StandardCharsets.UTF_8);
    }

    String configDigest() {
        return sha256(config);
    }

    String diffId(int layer) {
        return sha256(layers.get(layer));
    }

    static String sha256(byte[] bytes) {
        MessageDigest digest = Digests.sha256();
        digest.update(bytes);
        return Digests.format(digest);
    }

    static String hex(String digest) {
        return digest.substring(Digests.PREFIX.length());
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A tar written entry by entry, in the order the test chooses. */
    static final class Tar {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

        Tar() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        Tar folder(String path) {
            return put(new TarArchiveEntry(path + "/"), new byte[0]);
        }

        Tar file(String path, byte[] content) {
            TarArchiveEntry entry = new TarArchiveEntry(path);
            entry.setSize(content.length);
            return put(entry, content);
        }

        Tar symlink(String path, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(target);
            return put(entry, new byte[0]);
        }

        private Tar put(TarArchiveEntry entry, byte[] content) {
            try {
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        byte[] finish() {
            try {
                tar.finish();
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
