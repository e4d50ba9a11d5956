package io.github.harborupload.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for secrets in files and text, in the forms a program may write them: as they are, and in
 * base64 (standard and URL-safe) at each of the three offsets a secret can have inside a longer
 * encoded text, such as the {@code auth} of config.json ({@code base64(user:password)}) or the
 * engine's {@code X-Registry-Auth} header (base64 of JSON).
 */
public final class SecretSearch {

    /** Bigger files are not the program's: image layers, the registry's blobs. */
    private static final long MAX_FILE = 64L << 20;

    /** One secret found: where, and in which form. */
    public record Hit(String where, String form) {
    }

    private final List<String> secrets;

    public SecretSearch(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** The texts to look for: each secret as it is, and the base64 pieces only it can make. */
    public static Set<String> forms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int offset = 0; offset < 3; offset++) {
                String encoded = encoder.withoutPadding().encodeToString(("xx".substring(0, offset) + secret).getBytes(StandardCharsets.UTF_8));
                // The first group mixes in the bytes before the secret when it is offset, the last
                // one those after it: only the characters between depend on the secret alone.
                int start = offset == 0 ? 0 : 4;
                forms.add(encoded.substring(start, encoded.length() - 4));
            }
        }
        return forms;
    }

    /**
     * An exception message quoting a request the way an HTTP library might, with the secret in
     * every shape it takes there: a Basic header, the engine's auth header, a JSON body, a URL.
     */
    public static String aMessageQuotingARequest(String secret) {
        return "request failed: Authorization: Basic "
                + Base64.getEncoder().encodeToString(("alice:" + secret).getBytes(StandardCharsets.UTF_8))
                + " X-Registry-Auth: " + Base64.getUrlEncoder().encodeToString(
                        ("{\"username\":\"alice\",\"password\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8))
                + " body {\"password\":\"" + secret + "\"} url https://alice:" + secret + "@harbor.example/v2/";
    }

    /** Every form of every secret in this text; {@code where} names the text in the hits. */
    public List<Hit> in(String where, String text) {
        List<Hit> hits = new ArrayList<>();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                if (text.contains(form)) {
                    hits.add(new Hit(where, form));
                }
            }
        }
        return hits;
    }

    /**
     * Every form of every secret in the files under {@code root} that changed since {@code since}.
     * Folders and files it may not read, or that vanish meanwhile (other programs share /tmp), are
     * passed over, as are files bigger than {@code maxBytes} and folders named in {@code skip}.
     */
    public List<Hit> inFiles(Path root, Instant since, long maxBytes, Set<Path> skip) throws IOException {
        List<Hit> hits = new ArrayList<>();
        if (!Files.exists(root)) {
            return hits;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return skip.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.size() <= maxBytes
                        && !attributes.lastModifiedTime().toInstant().isBefore(since)) {
                    try {
                        hits.addAll(in(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
                    } catch (IOException goneOrLocked) {
                        // not readable now: not a file this test's program wrote
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        return hits;
    }

    /** Every file under these folders, whatever its age or size up to {@value #MAX_FILE} bytes. */
    public List<Hit> inFiles(Path... roots) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Path root : roots) {
            hits.addAll(inFiles(root, Instant.EPOCH, MAX_FILE, Set.of()));
        }
        return hits;
    }
}
