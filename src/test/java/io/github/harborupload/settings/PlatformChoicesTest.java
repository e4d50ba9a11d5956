package io.github.harborupload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.platform.SignInMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform choices: read once per session, each choice written through (issue 14's mends). */
class PlatformChoicesTest {

    private static final String PLATFORM = "https://gpu.example.edu";

    @TempDir
    Path folder;

    @Test
    void choicesAreWrittenThroughForTheNextSession() {
        PlatformChoices first = new PlatformChoices(folder);
        first.rememberSignInMethod(PLATFORM, SignInMethod.NORMAL);
        first.rememberImportTags("user-alice/torch", List.of("CUDA", "Pytorch"));

        PlatformChoices next = new PlatformChoices(folder);
        assertEquals(Optional.of(SignInMethod.NORMAL), next.signInMethod(PLATFORM));
        assertEquals(List.of("CUDA", "Pytorch"), next.importTags("user-alice/torch"));
        assertEquals(List.of(), next.importTags("user-alice/other"));
    }

    @Test
    void theFileIsReadOnceASession() throws IOException {
        // The import step asks on the FX thread each time it is shown: after the first answer the
        // file is not read again, so a file changed behind the session's back is not seen.
        PlatformChoices choices = new PlatformChoices(folder);
        choices.rememberImportTags("user-alice/torch", List.of("CUDA"));
        Path file = folder.resolve("platform-choices.json");
        Files.writeString(file, "{\"importTags\":{\"user-alice/torch\":[\"Jupyter\"]}}");

        assertEquals(List.of("CUDA"), choices.importTags("user-alice/torch"));
        assertEquals(List.of("Jupyter"), new PlatformChoices(folder).importTags("user-alice/torch"), "a new session reads it");
    }

    @Test
    void anUnreadableFileRemembersNothingAndIsReplacedByTheNextChoice() throws IOException {
        Path file = folder.resolve("platform-choices.json");
        Files.writeString(file, "{not json");
        PlatformChoices choices = new PlatformChoices(folder);
        assertEquals(Optional.empty(), choices.signInMethod(PLATFORM));

        choices.rememberSignInMethod(PLATFORM, SignInMethod.LDAP);
        assertTrue(Files.readString(file).contains("ldap"), Files.readString(file));
        assertEquals(Optional.of(SignInMethod.LDAP), new PlatformChoices(folder).signInMethod(PLATFORM));
    }
}
