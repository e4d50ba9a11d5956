package io.github.harborupload.platform;

import io.github.harborupload.docker.config.SearchPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Picks where "stay signed in" keeps sessions on this computer. */
public final class SessionStores {

    private SessionStores() {
    }

    /** The choice for this process: its environment and operating system. */
    public static SessionStore forThisComputer(Path configFolder) {
        return forComputer(configFolder, System.getenv(), System.getProperty("os.name", ""));
    }

    /**
     * The system keychain when its tool is installed ({@code secret-tool} on Linux, {@code security}
     * on macOS), with the owner-only file in {@code configFolder} as the fallback for when the
     * keychain cannot be used (no keyring running, a locked keychain); the file alone elsewhere,
     * sealed with DPAPI on Windows.
     */
    public static SessionStore forComputer(Path configFolder, Map<String, String> env, String osName) {
        boolean windows = osName.startsWith("Windows");
        FileSessionStore file = new FileSessionStore(configFolder, windows ? FileSeal.WINDOWS_DPAPI : FileSeal.NONE);
        KeychainSessionStore.Tool tool = osName.startsWith("Mac") ? KeychainSessionStore.Tool.MAC_SECURITY
                : osName.startsWith("Linux") ? KeychainSessionStore.Tool.SECRET_TOOL : null;
        if (tool == null) {
            return file;
        }
        return new SearchPath(env, osName).find(tool.program())
                .<SessionStore>map(program -> new KeychainFirst(
                        new KeychainSessionStore(tool, program, env, KeychainSessionStore.TIMEOUT), file))
                .orElse(file);
    }

    /**
     * The keychain, and the file when the keychain fails. A session saved to the file is removed
     * from it once the keychain works again, so a session lives in one place at a time.
     */
    static final class KeychainFirst implements SessionStore {

        private final SessionStore keychain;
        private final SessionStore file;

        KeychainFirst(SessionStore keychain, SessionStore file) {
            this.keychain = keychain;
            this.file = file;
        }

        @Override
        public void save(SessionTokens tokens) throws SessionStoreException {
            try {
                keychain.save(tokens);
            } catch (SessionStoreException unavailable) {
                file.save(tokens);
                return;
            }
            file.forget(tokens.address());
        }

        @Override
        public Optional<SessionTokens> load(URI address) throws SessionStoreException {
            try {
                Optional<SessionTokens> kept = keychain.load(address);
                if (kept.isPresent()) {
                    return kept;
                }
            } catch (SessionStoreException unavailable) {
                // fall through to the file
            }
            return file.load(address);
        }

        /**
         * Both places, each tried even when the other fails. A keychain that cannot be reached may
         * still hold a session the desktop kept there, so it fails the whole (issue 13, item 3: "no
         * D-Bus" was taken for "nothing kept", and the next start resumed the session).
         */
        @Override
        public void forget(URI address) throws SessionStoreException {
            bothOrFail(() -> file.forget(address), () -> keychain.forget(address));
        }

        @Override
        public void forgetAll() throws SessionStoreException {
            bothOrFail(file::forgetAll, keychain::forgetAll);
        }

        private interface Removal {
            void run() throws SessionStoreException;
        }

        private static void bothOrFail(Removal fromFile, Removal fromKeychain) throws SessionStoreException {
            SessionStoreException fileFailure = null;
            try {
                fromFile.run();
            } catch (SessionStoreException e) {
                fileFailure = e;
            }
            fromKeychain.run();
            if (fileFailure != null) {
                throw fileFailure;
            }
        }
    }
}
