package io.github.harborupload.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sessions in the system keychain, through its command-line tool: {@code secret-tool}
 * (libsecret-tools; the GNOME keyring or KWallet) on Linux, {@code security} (the login keychain)
 * on macOS. The secret is the session as JSON in base64; it goes to the tool on standard input,
 * never on the command line where other users' {@code ps} could see it.
 *
 * <p>Windows has no such tool that can read a secret back ({@code cmdkey} only stores), so there
 * the owner-only file is used instead.
 */
public final class KeychainSessionStore implements SessionStore {

    /** The keychain tools this store can drive. */
    public enum Tool {
        /** libsecret's {@code secret-tool}: store (secret on stdin), lookup, clear. */
        SECRET_TOOL("secret-tool"),
        /**
         * macOS {@code security}: commands read from stdin with {@code -i}, so the secret stays off the
         * command line; in parts, because each line has 4096 bytes ({@link MacKeychainParts}).
         */
        MAC_SECURITY("security");

        private final String program;

        Tool(String program) {
            this.program = program;
        }

        public String program() {
            return program;
        }
    }

    static final String SERVICE = "harbor-upload-wizard";
    /** macOS security: "The specified item could not be found in the keychain." */
    private static final int MAC_NOT_FOUND = 44;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** One item per platform address: far more than anyone keeps, and a bound on a keychain that never empties. */
    private static final int MAC_MAX_ITEMS = 100;

    private final Tool tool;
    private final Path program;
    private final Map<String, String> env;
    private final Duration timeout;

    /**
     * @param program the tool's executable
     * @param env     the environment it runs with (a keyring needs the session's D-Bus address)
     */
    public KeychainSessionStore(Tool tool, Path program, Map<String, String> env, Duration timeout) {
        this.tool = tool;
        this.program = program;
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    public Tool tool() {
        return tool;
    }

    @Override
    public void save(SessionTokens tokens) throws SessionStoreException {
        String secret = Base64.getEncoder().encodeToString(
                SessionJson.toJson(tokens).toString().getBytes(StandardCharsets.UTF_8));
        String address = tokens.address().toString();
        Result result = switch (tool) {
            case SECRET_TOOL -> run(List.of("store", "--label=Harbor Upload Wizard: " + address,
                    "service", SERVICE, "platform", address), secret);
            case MAC_SECURITY -> run(List.of("-i"), MacKeychainParts.addCommands(SERVICE, address, secret));
        };
        if (result.exitCode() != 0 || (tool == Tool.MAC_SECURITY && !result.stderr().isBlank())) {
            throw failed("store", result);
        }
        if (tool == Tool.MAC_SECURITY) {
            deleteMacParts(address, MacKeychainParts.count(secret)); // a longer session's rest
        }
    }

    @Override
    public Optional<SessionTokens> load(URI address) throws SessionStoreException {
        Result result = switch (tool) {
            case SECRET_TOOL -> run(List.of("lookup", "service", SERVICE, "platform", address.toString()), "");
            case MAC_SECURITY -> findMacPart(address.toString(), 0);
        };
        if (result.exitCode() != 0) {
            if (notFound(result)) {
                return Optional.empty();
            }
            throw failed("lookup", result);
        }
        StringBuilder secret = new StringBuilder(result.stdout().strip());
        for (int part = 1; tool == Tool.MAC_SECURITY && part < MacKeychainParts.MAX_PARTS; part++) {
            Result next = findMacPart(address.toString(), part);
            if (next.exitCode() != 0) {
                break;
            }
            secret.append(next.stdout().strip());
        }
        try {
            byte[] json = Base64.getDecoder().decode(secret.toString());
            return SessionJson.fromJson(address, Envelope.JSON.readTree(json));
        } catch (IllegalArgumentException | IOException e) {
            forget(address); // damaged (cut off by an older version) or not ours: as good as none, so gone
            return Optional.empty();
        }
    }

    private Result findMacPart(String address, int part) throws SessionStoreException {
        return run(List.of("find-generic-password", "-s", SERVICE, "-a", MacKeychainParts.account(address, part), "-w"), "");
    }

    /** Deletes the parts from {@code first} on, until one is not there. */
    private void deleteMacParts(String address, int first) throws SessionStoreException {
        for (int part = first; part < MacKeychainParts.MAX_PARTS; part++) {
            Result result = run(List.of("delete-generic-password", "-s", SERVICE, "-a", MacKeychainParts.account(address, part)), "");
            if (notFound(result)) {
                return;
            }
            if (result.exitCode() != 0) {
                throw failed("delete", result);
            }
        }
    }

    @Override
    public void forget(URI address) throws SessionStoreException {
        if (tool == Tool.MAC_SECURITY) {
            deleteMacParts(address.toString(), 0);
            return;
        }
        Result result = run(List.of("clear", "service", SERVICE, "platform", address.toString()), "");
        if (result.exitCode() != 0 && !notFound(result)) {
            throw failed("clear", result);
        }
    }

    /**
     * secret-tool clears every item with the attributes given, so the service alone clears them all;
     * security deletes one item a call, so it is called until it finds none.
     */
    @Override
    public void forgetAll() throws SessionStoreException {
        if (tool == Tool.SECRET_TOOL) {
            Result result = run(List.of("clear", "service", SERVICE), "");
            if (result.exitCode() != 0 && !notFound(result)) {
                throw failed("clear", result);
            }
            return;
        }
        for (int deleted = 0; deleted < MAC_MAX_ITEMS; deleted++) {
            Result result = run(List.of("delete-generic-password", "-s", SERVICE), "");
            if (notFound(result)) {
                return;
            }
            if (result.exitCode() != 0) {
                throw failed("delete", result);
            }
        }
        throw new SessionStoreException(tool.program() + " still finds sessions after deleting " + MAC_MAX_ITEMS);
    }

    /** secret-tool says nothing when it finds nothing; security has an exit code for it. */
    private boolean notFound(Result result) {
        return tool == Tool.SECRET_TOOL ? result.stderr().isBlank() : result.exitCode() == MAC_NOT_FOUND;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Its stderr only: on lookup, stdout is the secret. */
    private SessionStoreException failed(String action, Result result) {
        return new SessionStoreException(tool.program() + " " + action + " failed (exit " + result.exitCode() + "): "
                + result.stderr().strip());
    }

    private Result run(List<String> arguments, String input) throws SessionStoreException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SessionStoreException("cannot start " + program + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> stdout = collect(process.getInputStream());
            CompletableFuture<String> stderr = collect(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // It exited without reading; its exit code tells why.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException();
            }
            return new Result(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new SessionStoreException(tool.program() + " did not finish within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SessionStoreException(tool.program() + " was interrupted", e);
        }
    }

    private static CompletableFuture<String> collect(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
