package io.github.harborupload.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in the {@code sha256:<hex>} form registries and engines write. */
final class Digests {

    static final String PREFIX = "sha256:";

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String format(MessageDigest digest) {
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }
}
