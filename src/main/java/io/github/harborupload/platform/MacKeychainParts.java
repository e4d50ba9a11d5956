package io.github.harborupload.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * A session split over keychain items small enough for one line of {@code security -i}, which reads
 * each command into a 4096-byte buffer (security.c): a longer line (two large JWTs make a session
 * of 3 KB and more) stored a truncated item and ran the rest as a second command (issue 16, item 6).
 * The secret stays off the argument list, where other users' {@code ps} could read it. The first
 * part keeps the address as its account, so a session saved before the split still loads; the
 * others are {@code <address>#part2}, {@code #part3}…
 */
final class MacKeychainParts {

    /** fgets into char[4096]: 4095 characters and the end of the string. */
    static final int LINE_LIMIT = 4095;
    static final int PART_LENGTH = 2048;
    /** A bound on reading and deleting: 32 KiB of session, far more than two tokens. */
    static final int MAX_PARTS = 16;

    private MacKeychainParts() {
    }

    static String account(String address, int index) {
        return index == 0 ? address : address + "#part" + (index + 1);
    }

    /** The lines of {@code security -i} that store {@code secret} under {@code address}, each within the limit. */
    static String addCommands(String service, String address, String secret) throws SessionStoreException {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < secret.length(); start += PART_LENGTH) {
            parts.add(secret.substring(start, Math.min(secret.length(), start + PART_LENGTH)));
        }
        if (parts.size() > MAX_PARTS) {
            throw new SessionStoreException("the session is too large for the keychain (" + secret.length() + " characters)");
        }
        StringBuilder lines = new StringBuilder();
        for (int index = 0; index < parts.size(); index++) {
            String line = "add-generic-password -U -s " + service + " -a " + account(address, index)
                    + " -l \"Harbor Upload Wizard\" -w " + parts.get(index);
            if (line.length() > LINE_LIMIT) {
                throw new SessionStoreException("the platform address is too long for the keychain: " + address);
            }
            lines.append(line).append('\n');
        }
        return lines.toString();
    }

    static int count(String secret) {
        return (secret.length() + PART_LENGTH - 1) / PART_LENGTH;
    }
}
