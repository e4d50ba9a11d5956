package io.github.harborupload.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Builds the installers of the operating system it runs on with the JDK's jpackage, from the option
 * files in packaging/ (packaging/README.md explains them). The Maven profile {@code installer} runs
 * it after copying the app's jars to target/installer-input/:
 *
 * <pre>InstallerBuild &lt;project dir&gt; &lt;project version&gt; &lt;app jar file name&gt; installers|image</pre>
 *
 * {@code installers} makes each installer type of this OS in target/installer/; {@code image} makes
 * only the app image (runtime, jars, launchers) in target/installer/image/, the quick build that
 * {@link InstallerImageIT} checks. Each is one jpackage run from the same jars and option files.
 *
 * <p>It lives with the tests because it is build tooling, not part of the program.
 */
public final class InstallerBuild {

    /** The operating systems, with their folder under packaging/ and the installers built there. */
    enum Os {
        LINUX("linux", List.of("deb", "rpm")),
        WINDOWS("windows", List.of("msi")),
        MACOS("macos", List.of("dmg"));

        final String folder;
        final List<String> installerTypes;

        Os(String folder, List<String> installerTypes) {
            this.folder = folder;
            this.installerTypes = installerTypes;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            return name.startsWith("mac") ? MACOS : LINUX;
        }
    }

    private final Path project;
    private final String version;
    private final Os os;

    InstallerBuild(Path project, String version, Os os) {
        this.project = project;
        this.version = version;
        this.os = os;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4 || !List.of("installers", "image").contains(args[3])) {
            throw new IllegalArgumentException(
                    "usage: InstallerBuild <project dir> <version> <app jar file name> installers|image");
        }
        InstallerBuild build = new InstallerBuild(Path.of(args[0]).toAbsolutePath(), args[1], Os.current());
        build.stageAppJar(args[2]);
        if (args[3].equals("image")) {
            build.appImage(args[2]);
        } else {
            build.installers(args[2]);
        }
    }

    /** The app's own jar joins its dependencies, which the Maven profile copied to target/installer-input/app. */
    private void stageAppJar(String appJar) throws IOException {
        Files.copy(project.resolve("target").resolve(appJar), input().resolve("app").resolve(appJar),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The app image, in target/installer/image/ (which the profile emptied first, as jpackage wants). */
    void appImage(String appJar) throws IOException, InterruptedException {
        Path dest = project.resolve("target/installer/image");
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString()));
        args.addAll(appOptions(appJar));
        jpackage(args);
    }

    /** Every installer type of this OS, in target/installer/. */
    void installers(String appJar) throws IOException, InterruptedException {
        Path dest = project.resolve("target/installer");
        for (String type : os.installerTypes) {
            if (type.equals("rpm") && !onPath("rpmbuild")) {
                System.out.println("[installer] WARNING: no .rpm: rpmbuild is not installed"
                        + " (Debian/Ubuntu: apt-get install rpm)");
                continue;
            }
            List<String> args = new ArrayList<>(List.of("--type", type, "--dest", dest.toString()));
            args.addAll(appOptions(appJar));
            args.addAll(optionFiles(os.folder + "/installer.txt", os.folder + "/" + type + ".txt"));
            jpackage(args);
        }
        if (os == Os.MACOS) {
            nameDmgAfterProjectVersion(dest);
        }
    }

    /** What makes the app: the staged jars, the version and the app image's option files. */
    private List<String> appOptions(String appJar) {
        List<String> args = new ArrayList<>(List.of(
                "--input", input().resolve("app").toString(),
                "--main-jar", appJar,
                "--module-path", input().resolve("javafx").toString(),
                "--app-version", jpackageVersion(version, os)));
        args.addAll(optionFiles("about.txt", "image.txt", os.folder + "/image.txt"));
        return args;
    }

    private Path input() {
        return project.resolve("target/installer-input");
    }

    /**
     * The version jpackage accepts: numbers only (no -SNAPSHOT), and on macOS a first number of at
     * least 1 (jpackage rejects 0.x there), so a 0.x version goes to macOS as 1.0.0 until 1.0.
     */
    static String jpackageVersion(String projectVersion, Os os) {
        String numbers = projectVersion.replaceFirst("-.*$", "");
        if (os == Os.MACOS && numbers.startsWith("0.")) {
            return "1.0.0";
        }
        return numbers;
    }

    /** The .dmg carries jpackage's version in its name; put the project's own version there. */
    private void nameDmgAfterProjectVersion(Path dest) throws IOException {
        String jpackageVersion = jpackageVersion(version, os);
        try (Stream<Path> files = Files.list(dest)) {
            for (Path dmg : files.filter(f -> f.toString().endsWith("-" + jpackageVersion + ".dmg")).toList()) {
                String name = dmg.getFileName().toString().replace("-" + jpackageVersion + ".dmg", "-" + version + ".dmg");
                Files.move(dmg, dmg.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The option files under packaging/ that exist, as jpackage @-arguments. */
    private List<String> optionFiles(String... names) {
        List<String> args = new ArrayList<>();
        for (String name : names) {
            Path file = project.resolve("packaging").resolve(name);
            if (Files.isRegularFile(file)) {
                args.add("@" + file);
            }
        }
        return args;
    }

    /** Runs the jpackage of the JDK this runs on, in the project folder (option files use relative paths). */
    private void jpackage(List<String> args) throws IOException, InterruptedException {
        String executable = os == Os.WINDOWS ? "jpackage.exe" : "jpackage";
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", executable).toString());
        command.addAll(args);
        System.out.println("[installer] " + String.join(" ", command));
        int exit = new ProcessBuilder(command).directory(project.toFile()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("jpackage failed with exit code " + exit + ": " + String.join(" ", command));
        }
    }

    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
