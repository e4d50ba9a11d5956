package io.github.harborupload.platformserver;

import io.github.harborupload.credentials.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The project's real local registry (scripts/stack.sh: distribution 2.8 with an htpasswd file),
 * with accounts changed in its htpasswd file the way Harbor's user API changes Harbor's users.
 *
 * <p>distribution's htpasswd access controller stats the file on every request and reads it again
 * when its modification time changed (registry/auth/htpasswd/access.go, "Dynamically parsing the
 * latest account list", in 2.8), so a change works at once, without restarting the registry that
 * others share. Each change copies the file, edits the copy with {@code htpasswd} and renames it
 * over the original, so the registry never reads a half-written file; a lock file next to it keeps
 * two changes from different test processes from losing one another.
 *
 * <p>The stack's own users, testuser and otheruser, are never touched.
 */
public final class HtpasswdRegistry implements RegistryAccounts {

    private static final Set<String> STACK_USERS = Set.of("testuser", "otheruser");
    /** One change at a time in this JVM; FileLock alone does not exclude threads of one process. */
    private static final Object IN_PROCESS = new Object();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path htpasswd;
    private final String host;
    private final Credential reader;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * @param htpasswd the registry's htpasswd file ($TEST_STACK_DIR/reg/htpasswd)
     * @param host     the registry, e.g. {@code 127.0.0.1:5000} (plain HTTP: loopback)
     * @param reader   a login that may read any repository, for checking images
     */
    public HtpasswdRegistry(Path htpasswd, String host, Credential reader) {
        this.htpasswd = htpasswd;
        this.host = host;
        this.reader = reader;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void setPassword(String user, String password) throws IOException {
        // -i: the password from stdin, so it is not on a command line; -B: bcrypt, as the stack uses.
        change(user, List.of("-iB"), password);
    }

    @Override
    public void remove(String user) throws IOException {
        if (Files.readAllLines(htpasswd).stream().noneMatch(line -> line.startsWith(user + ":"))) {
            return;
        }
        change(user, List.of("-D"), null);
    }

    @Override
    public boolean accepts(String user, String password) throws IOException {
        return get("/v2/", "GET", new Credential(user, password)) == 200;
    }

    @Override
    public boolean hasManifest(String repository, String reference) throws IOException {
        return get("/v2/" + repository + "/manifests/" + reference, "HEAD", reader) == 200;
    }

    private void change(String user, List<String> options, String stdin) throws IOException {
        if (STACK_USERS.contains(user) || !user.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("will not change the stack's user " + user);
        }
        synchronized (IN_PROCESS) {
            Path lockFile = htpasswd.resolveSibling(htpasswd.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                Path copy = htpasswd.resolveSibling("." + htpasswd.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.copy(htpasswd, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                try {
                    List<String> command = new ArrayList<>(List.of("htpasswd"));
                    command.addAll(options);
                    command.add(copy.toString());
                    command.add(user);
                    run(command, stdin);
                    Files.move(copy, htpasswd, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
        }
    }

    private static void run(List<String> command, String stdin) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("htpasswd did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException("htpasswd failed (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private int get(String path, String method, Credential login) throws IOException {
        String pair = login.username() + ":" + login.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, "
                        + "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, "
                        + "application/vnd.docker.distribution.manifest.list.v2+json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
