package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.problems.ProblemType;
import io.github.harborupload.problems.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit codes: distinct, every failing problem has one, and the README documents them all. */
class ExitCodeTest {

    @Test
    void codesAreDistinct() {
        assertEquals(ExitCode.values().length, Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code).distinct().count());
    }

    @Test
    void noProblemThatEndsACommandExitsWithSuccess() {
        for (ProblemType type : ProblemType.values()) {
            assertTrue(ExitCode.of(type) != ExitCode.OK, type.name());
        }
        assertEquals(ExitCode.CANCELLED, ExitCode.of(ProblemType.CANCELLED));
        assertEquals(Severity.INFO, ProblemType.CANCELLED.severity());
    }

    @Test
    void theReadmeTableListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Command line"));
        for (ExitCode code : ExitCode.values()) {
            assertTrue(Pattern.compile("(?m)^\\| " + code.code() + " \\|").matcher(section).find(),
                    "README lists exit code " + code.code());
        }
    }
}
