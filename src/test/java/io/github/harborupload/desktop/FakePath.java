package io.github.harborupload.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A PATH of one folder holding empty executable files with the given names: programs as a PATH search sees them. */
final class FakePath {

    private FakePath() {
    }

    static Map<String, String> with(Path folder, String... programs) throws IOException {
        for (String program : programs) {
            Path file = Files.createFile(folder.resolve(program));
            if (!file.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
        }
        return Map.of("PATH", folder.toString());
    }
}
