package io.github.harborupload.docker.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a program on the {@code PATH} of a given environment, as Go's {@code exec.LookPath} (which
 * docker uses) does: only in folders named by an absolute path. An empty entry or {@code .} or any
 * relative one means the current folder, often a cloned repository: a program found there would
 * receive passwords (issue 13, item 4). On macOS the folders of {@link MacProgramFolders} come after
 * the PATH, because an app started from Finder gets launchd's short PATH (issue 16, item 1).
 */
public final class SearchPath {

    private final List<String> folders;
    private final boolean windows;

    public SearchPath(Map<String, String> env, String osName) {
        OsFamily os = OsFamily.of(osName);
        this.windows = os == OsFamily.WINDOWS;
        String separator = windows ? ";" : ":";
        List<String> searched = new ArrayList<>(Arrays.asList(pathVariable(env, windows).split(Pattern.quote(separator))));
        if (os == OsFamily.MAC) {
            MacProgramFolders.of(env).stream().filter(folder -> !searched.contains(folder)).forEach(searched::add);
        }
        this.folders = List.copyOf(searched);
    }

    /** The folders searched, in order, as spelled in the environment. */
    List<String> folders() {
        return folders;
    }

    /** The first executable file named {@code program} (plus {@code .exe} on Windows) on the PATH. */
    public Optional<Path> find(String program) {
        String fileName = windows ? program + ".exe" : program;
        for (String folder : folders) {
            Optional<Path> candidate = candidate(folder, fileName);
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> candidate(String folder, String fileName) {
        try {
            Path directory = Path.of(folder);
            if (!directory.isAbsolute()) {
                return Optional.empty();
            }
            Path file = directory.resolve(fileName);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Windows spells the variable {@code Path}; its environment names ignore case. */
    private static String pathVariable(Map<String, String> env, boolean windows) {
        if (!windows) {
            return env.getOrDefault("PATH", "");
        }
        return env.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }
}
