package io.github.harborupload.docker;

import io.github.harborupload.docker.EngineUnreachableException.Reason;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Windows named pipe of an {@code npipe://} engine address, looked for before docker-java
 * connects: its {@code NamedPipeSocket} waits at least 10 s and spins when the pipe is missing
 * (its {@code WaitNamedPipe} gets the {@code //./pipe/…} spelling), so "Docker Desktop is not
 * running" took 10 s to say (issue 16, item 4). A missing pipe is answered at once.
 */
final class NamedPipe {

    private static final String SCHEME = "npipe:";

    private NamedPipe() {
    }

    /**
     * The pipe's Windows path ({@code \\.\pipe\docker_engine}) for an npipe address, in either
     * spelling docker accepts ({@code npipe:////./pipe/x} and {@code npipe://./pipe/x}); empty for others.
     */
    static Optional<String> windowsPath(String host) {
        if (!host.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String path = host.substring(SCHEME.length()).replace('/', '\\');
        while (path.startsWith("\\")) {
            path = path.substring(1);
        }
        return Optional.of("\\\\" + path);
    }

    /** @throws EngineUnreachableException (NOT_FOUND) when {@code host} is a pipe that {@code exists} says is not there */
    static void requireExisting(String host, Predicate<String> exists) {
        windowsPath(host).filter(exists.negate()).ifPresent(pipe -> {
            throw new EngineUnreachableException(host, Reason.NOT_FOUND,
                    "cannot connect to the Docker engine at " + host + ": the pipe " + pipe
                            + " does not exist (Docker Desktop is not running)", null);
        });
    }

    /** Whether Windows has the pipe; on Windows, Java sees named pipes as files under {@code \\.\pipe\}. */
    static boolean exists(String windowsPath) {
        try {
            return Files.exists(Path.of(windowsPath));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
