package io.github.harborupload.docker.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a program on the {@code PATH} of a given environment, as Go's {@code exec.LookPath} (which
 * docker uses) does: only in folders named by an absolute path. An empty entry or {@code .} or any
 * relative one means the current folder, often a cloned repository: a program found there would
 * receive passwords (issue 13, item 4). On macOS the folders of {@link MacProgramFolders} come after
 * the PATH, because an app started from Finder gets launchd's short PATH (issue 16, item 1). On
 * Windows, as Go does, quotes around an entry are dropped and {@code PATHEXT} names the extensions
 * a program may have (issue 16, item 9): a helper may be a {@code .cmd} or {@code .bat}.
 */
public final class SearchPath {

    /** Go's os/exec on Windows, when PATHEXT is unset or empty. */
    private static final String DEFAULT_PATHEXT = ".com;.exe;.bat;.cmd";

    private final List<String> folders;
    private final boolean windows;
    private final List<String> extensions;

    public SearchPath(Map<String, String> env, String osName) {
        OsFamily os = OsFamily.of(osName);
        this.windows = os == OsFamily.WINDOWS;
        String separator = windows ? ";" : ":";
        List<String> searched = new ArrayList<>();
        for (String entry : variable(env, "PATH", windows).split(Pattern.quote(separator))) {
            // Windows allows an entry in quotes ("C:\Program Files\Docker\Docker\resources\bin"); Go strips them.
            searched.add(windows ? entry.replace("\"", "") : entry);
        }
        if (os == OsFamily.MAC) {
            MacProgramFolders.of(env).stream().filter(folder -> !searched.contains(folder)).forEach(searched::add);
        }
        this.folders = List.copyOf(searched);
        String pathext = variable(env, "PATHEXT", windows);
        this.extensions = Arrays.stream((pathext.isBlank() ? DEFAULT_PATHEXT : pathext).split(";"))
                .map(extension -> extension.strip().toLowerCase(Locale.ROOT)) // as Go; NTFS ignores case
                .filter(extension -> extension.startsWith("."))
                .toList();
    }

    /** The folders searched, in order, as spelled in the environment. */
    List<String> folders() {
        return folders;
    }

    /**
     * The first executable file named {@code program} on the PATH; on Windows with one of the
     * extensions of {@code PATHEXT}, in its order, as Go's {@code exec.LookPath} tries them.
     */
    public Optional<Path> find(String program) {
        for (String folder : folders) {
            for (String fileName : fileNames(program)) {
                Optional<Path> candidate = candidate(folder, fileName);
                if (candidate.isPresent()) {
                    return candidate;
                }
            }
        }
        return Optional.empty();
    }

    private List<String> fileNames(String program) {
        return windows ? extensions.stream().map(extension -> program + extension).toList() : List.of(program);
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

    /** A variable, "" when unset; Windows spells PATH {@code Path}, and its environment names ignore case. */
    private static String variable(Map<String, String> env, String name, boolean windows) {
        if (!windows) {
            return env.getOrDefault(name, "");
        }
        return env.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }
}
