package io.github.harborupload.platform;

import com.sun.jna.platform.win32.Crypt32Util;
import java.io.IOException;
import java.util.Optional;

/**
 * How {@link FileSessionStore} protects its file beyond the folder's permissions. On Windows, where
 * no keychain tool is driven, the file is sealed with DPAPI (CryptProtectData for the current user):
 * only this user on this computer can open it, and the tokens are not plain JSON in the roaming
 * profile (issue 13, item 7). Elsewhere the file is owner-only (0600) and the keychain comes first.
 */
public interface FileSeal {

    /** No sealing: the owner-only file on POSIX. */
    FileSeal NONE = new FileSeal() {
        @Override
        public byte[] seal(byte[] plain) {
            return plain;
        }

        @Override
        public Optional<byte[]> open(byte[] sealed) {
            return Optional.of(sealed);
        }
    };

    /** DPAPI for the current user, through jna-platform's Crypt32Util. Windows only. */
    FileSeal WINDOWS_DPAPI = new FileSeal() {
        @Override
        public byte[] seal(byte[] plain) throws IOException {
            try {
                return Crypt32Util.cryptProtectData(plain);
            } catch (RuntimeException e) {
                throw new IOException("DPAPI could not seal the sessions: " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<byte[]> open(byte[] sealed) {
            try {
                return Optional.of(Crypt32Util.cryptUnprotectData(sealed));
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }
    };

    byte[] seal(byte[] plain) throws IOException;

    /**
     * The plain bytes, or empty when these were not sealed by this user on this computer, or are
     * damaged (a plain file of an older version among them): as good as no session.
     */
    Optional<byte[]> open(byte[] sealed);
}
