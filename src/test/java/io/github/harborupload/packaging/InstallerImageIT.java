package io.github.harborupload.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer build is not silently broken: a copy of the project builds the Linux app image
 * through the real Maven profile ({@code mvn -Pinstaller -Dinstaller.build=image package}, about
 * 30 seconds), and the image must hold both launchers, a runtime with every module the app's jars
 * need, and JavaFX natives that load. The .deb itself (another 35 seconds) is left to
 * scripts/installer-check.sh. Skipped without jpackage or Maven, except in CI, where it fails.
 */
@EnabledOnOs(OS.LINUX)
class InstallerImageIT {

    private static final String MAIN_CLASS = "io.github.harborupload.Main";

    @TempDir
    static Path copy;

    private static Path image;

    @BeforeAll
    static void buildImageFromACopyOfTheProject() throws IOException, InterruptedException {
        Path jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        requireTool(Files.isExecutable(jpackage), "jpackage (" + jpackage + ")");
        requireTool(InstallerBuild.onPath("mvn"), "mvn");

        // A copy, so that this build never rewrites the jars the running Maven build is using.
        Path project = Path.of("").toAbsolutePath();
        for (String part : List.of("pom.xml", "src", "packaging", "icons")) {
            copyRecursively(project.resolve(part), copy.resolve(part));
        }
        ProcessRunner.Result build = ProcessRunner.run(copy, 600, List.of("mvn", "-B", "-q", "-Pinstaller",
                "-DskipTests", "-Dinstaller.build=image", "package"), List.of());
        assertEquals(0, build.exit(), () -> "the app image build failed:\n" + build.tail());
        image = copy.resolve("target/installer/image/harbor-upload-wizard");
    }

    @Test
    void bothLaunchersStartTheMainClass() throws IOException {
        for (String launcher : List.of("harbor-upload-wizard", "harbor-upload")) {
            assertTrue(Files.isExecutable(image.resolve("bin").resolve(launcher)), launcher);
            String config = Files.readString(image.resolve("lib/app").resolve(launcher + ".cfg"));
            assertTrue(config.contains("app.mainclass=" + MAIN_CLASS), launcher + ".cfg:\n" + config);
        }
    }

    @Test
    void runtimeHoldsEveryModuleTheJarsNeed() throws IOException {
        Set<String> linked = runtimeModules();
        String[] jars;
        try (Stream<Path> files = Files.list(image.resolve("lib/app"))) {
            jars = files.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().toArray(String[]::new);
        }
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", copy.resolve("target/installer-input/javafx").toString()));
        args.addAll(Arrays.asList(jars));
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertEquals(0, exit, out::toString);
        String lastLine = out.toString().strip().lines().reduce((first, second) -> second).orElse("");
        Set<String> needed = new TreeSet<>(Arrays.asList(lastLine.split(",")));
        needed.removeAll(linked);
        assertTrue(needed.isEmpty(), "modules the jars need but packaging/image.txt does not add: " + needed);
    }

    @Test
    void runtimeIsTrimmedButKeepsWhatJdepsCannotSee() throws IOException {
        Set<String> linked = runtimeModules();
        assertTrue(linked.containsAll(List.of("javafx.controls", "javafx.fxml", "jdk.crypto.ec", "jdk.charsets",
                "jdk.localedata", "java.net.http")), linked::toString);
        assertTrue(!linked.contains("jdk.compiler") && !linked.contains("javafx.web"), linked::toString);
    }

    @Test
    void windowLauncherLoadsJavaFxNativesFromTheImage() throws IOException, InterruptedException {
        // No display on purpose: the window cannot open, but GTK's "Unable to open DISPLAY" comes from
        // JavaFX's own native glass library, so the runtime started Main and the natives loaded.
        ProcessRunner.Result run = ProcessRunner.run(image, 60, List.of(image.resolve("bin/harbor-upload-wizard").toString()),
                List.of("DISPLAY", "WAYLAND_DISPLAY"));
        assertTrue(run.output().contains("Unable to open DISPLAY"), run::tail);
    }

    private static Set<String> runtimeModules() throws IOException {
        String release = Files.readString(image.resolve("lib/runtime/release"));
        String modules = release.lines().filter(line -> line.startsWith("MODULES="))
                .findFirst().orElseThrow().replaceAll("MODULES=|\"", "");
        return new TreeSet<>(Arrays.asList(modules.split(" ")));
    }

    private static void requireTool(boolean present, String tool) {
        if (present) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(tool + " is missing, so the installer build is not checked");
        }
        Assumptions.abort(tool + " is missing: installer image check skipped");
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** Runs a program and keeps its output. */
    private static final class ProcessRunner {

        record Result(int exit, String output) {
            String tail() {
                List<String> lines = output.lines().toList();
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            }
        }

        static Result run(Path directory, long timeoutSeconds, List<String> command, List<String> unsetVariables)
                throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            unsetVariables.forEach(builder.environment()::remove);
            Path log = Files.createTempFile(copy, "output", ".log");
            Process process = builder.redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command.get(0) + " still running after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
