package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help for every command in both languages, and the reserved commands; none of it needs Docker. */
class CliHelpTest {

    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final List<String> COMMANDS = List.of("", "login", "images", "push", "import", "platform",
            "platform login", "upload");

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir, "unix:///nonexistent/docker.sock");
    }

    static List<Arguments> commandsAndLanguages() {
        return COMMANDS.stream().flatMap(command -> List.of("en", "zh").stream().map(lang -> Arguments.of(command, lang)))
                .toList();
    }

    @ParameterizedTest(name = "{0} --help --lang {1}")
    @MethodSource("commandsAndLanguages")
    void everyCommandHasHelpInBothLanguages(String command, String lang) {
        String[] args = (command.isEmpty() ? "--help --lang " + lang : command + " --help --lang " + lang).split(" ");
        CliRunner.Result result = cli().run(args);
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().contains("Usage: harbor-upload " + command) || result.out().contains("用法：harbor-upload " + command),
                result.out());
        assertEquals(lang.equals("zh"), CHINESE.matcher(result.out()).find(), result.out());
        assertEquals("", result.err());
    }

    @Test
    void theMainHelpListsEveryExitCode() {
        String help = cli().run("--help").out();
        for (ExitCode code : ExitCode.values()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + code.code() + "\\s+\\S").matcher(help).find(),
                    "exit code " + code.code() + " in\n" + help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "platform login", "upload", "import gpu-harbor.act.buaa.edu.cn/user-a/b:1 --task-type custom"})
    void reservedCommandsSaySoInEitherLanguage(String command) {
        CliRunner.Result english = cli().run((command + " --lang en").split(" "));
        assertEquals(ExitCode.NOT_AVAILABLE_YET.code(), english.exit());
        assertTrue(english.err().contains("arrives with the platform support"), english.err());
        CliRunner.Result chinese = cli().run((command + " --lang zh").split(" "));
        assertEquals(ExitCode.NOT_AVAILABLE_YET.code(), chinese.exit());
        assertTrue(chinese.err().contains("将随平台支持"), chinese.err());
    }

    @Test
    void noCommandShowsTheCommandsAndIsAUsageError() {
        CliRunner.Result result = cli().run("--verbose");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertTrue(result.err().contains("push"), result.err());
    }

    @Test
    void anUnknownLanguageOrOptionIsAUsageError() {
        CliRunner.Result language = cli().run("images", "--lang", "fr");
        assertEquals(ExitCode.USAGE.code(), language.exit());
        assertTrue(language.err().contains("fr"), language.err());
        CliRunner.Result option = cli().run("push", "local/tiny:1", "--no-such-option");
        assertEquals(ExitCode.USAGE.code(), option.exit());
        assertTrue(option.err().contains("harbor-upload push --help"), option.err());
    }

    @Test
    void theLanguageRememberedByTheWizardIsUsedWithoutLang() throws Exception {
        CliRunner runner = cli();
        Files.createDirectories(runner.appConfig);
        Files.writeString(runner.appConfig.resolve("settings.json"), "{\"language\":\"zh\"}");
        assertTrue(CHINESE.matcher(runner.run("push", "--help").out()).find());
        assertFalse(CHINESE.matcher(runner.run("push", "--help", "--lang", "en").out()).find());
    }
}
