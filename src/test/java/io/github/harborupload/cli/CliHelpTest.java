package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.platform.ImportRequest;
import io.github.harborupload.reference.HarborTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help for every command in both languages, and what the command line refuses before it needs Docker or a server. */
class CliHelpTest {

    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final List<String> COMMANDS = List.of("", "login", "images", "push", "import", "platform",
            "platform login", "platform logout", "upload");

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

    @ParameterizedTest
    @ValueSource(strings = {"platform login", "platform logout", "import", "upload"})
    void allowHttpIsExplainedWhereverTheUrlIsTaken(String command) {
        // Issue 13, item 2: the option's text comes from one key shared by the four commands.
        String english = cli().run((command + " --help --lang en").split(" ")).out();
        String chinese = cli().run((command + " --help --lang zh").split(" ")).out();
        assertTrue(english.contains("--allow-http") && english.contains("cross the network unencrypted"), english);
        assertTrue(chinese.contains("--allow-http") && chinese.contains("未加密"), chinese);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theImportHelpStatesTheLimitsTheCodeChecks(String lang) {
        // Issue 14, "one source for each limit": the help's numbers are prose, so they are held to the constants.
        String help = cli().run("import", "--help", "--lang", lang).out();
        for (int limit : new int[] {HarborTarget.MAX_LINK_LENGTH, ImportRequest.MAX_DESCRIPTION_LENGTH}) {
            assertTrue(Pattern.compile("\\b" + limit + "\\b").matcher(help).find(), limit + " in\n" + help);
        }
    }

    @ParameterizedTest(name = "{0} --help --lang {1}")
    @MethodSource("commandsAndLanguages")
    void theHelpPrintsOneApostropheWhereTheBundleWritesTwo(String command, String lang) {
        // The help's texts are message patterns like every other text (HelpTexts): before, picocli
        // printed "the platform''s form" as written.
        String[] args = (command.isEmpty() ? "--help --lang " + lang : command + " --help --lang " + lang).split(" ");
        String help = cli().run(args).out();
        assertFalse(help.contains("''"), help);
    }

    @Test
    void theMainHelpListsEveryExitCode() {
        String help = cli().run("--help").out();
        for (ExitCode code : ExitCode.values()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + code.code() + "\\s+\\S").matcher(help).find(),
                    "exit code " + code.code() + " in\n" + help);
        }
    }

    @Test
    void platformAloneListsItsCommandsAndIsAUsageError() {
        CliRunner.Result result = cli().run("platform");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertTrue(result.err().contains("login") && result.err().contains("logout"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void anUnknownTaskTypeNamesTheOnesThereAre(String lang) {
        CliRunner.Result result = cli().run("import", "gpu-harbor.act.buaa.edu.cn/user-a/b:1", "--task-type", "kuberay",
                "--lang", lang);
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains("kuberay") && result.err().contains("tensorflow") && result.err().contains("webide"),
                result.err());
    }

    @Test
    void aPlatformPasswordIsNeverTakenAsAnArgumentNorEchoed() {
        CliRunner.Result result = cli().run("platform", "login", "--username", "alice", "--password", "s3cret-Pw");
        assertEquals(ExitCode.USAGE.code(), result.exit());
        assertTrue(result.err().contains("--password-stdin"), result.err());
        assertFalse(result.all().contains("s3cret-Pw"), result.all());
    }

    @Test
    void withoutATerminalThePlatformPasswordMustComeOnStandardInput() {
        CliRunner.Result result = cli().run("platform", "login", "--url", "http://127.0.0.1:1", "--username", "alice");
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        assertTrue(result.err().contains("--password-stdin"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"import gpu-harbor.act.buaa.edu.cn/user-a/b:1", "upload local/tiny:1"})
    void withoutAKeptSessionImportAndUploadSayHowToSignIn(String command) {
        // Nothing listens on port 1: the refusal comes before any request, from the empty session store.
        CliRunner.Result result = cli().run((command + " --url http://127.0.0.1:1").split(" "));
        assertEquals(ExitCode.AUTH.code(), result.exit(), result.all());
        assertTrue(result.err().contains("harbor-upload platform login --url http://127.0.0.1:1"), result.err());
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

    static List<Arguments> mistypedCommandLines() {
        return List.of(
                Arguments.of("push local/tiny:1 --no-such-option", "usage.unknownOption", List.of("--no-such-option")),
                Arguments.of("push local/tiny:1 --tga v2", "usage.unknownOption", List.of("--tga")),
                Arguments.of("push local/tiny:1 extra", "usage.extraArgument", List.of("extra")),
                Arguments.of("push", "usage.missing", List.of("SOURCE")),
                Arguments.of("push local/tiny:1 --tag", "usage.needsValue", List.of("--tag")),
                Arguments.of("push local/tiny:1 --tag a --tag b", "usage.givenTwice", List.of("--tag")),
                Arguments.of("push local/tiny:1 --progress fancy", "usage.progress", List.of("fancy")));
    }

    /** Picocli words these in English; the user reads them in the language asked for, naming what was typed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mistypedCommandLines")
    void aMistypedCommandLineIsExplainedInTheUsersLanguage(String commandLine, String key, List<String> named) {
        for (Language language : Language.values()) {
            CliRunner.Result result = cli().run((commandLine + " --lang " + language.code()).split(" "));
            assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
            String expected = new Translator(language).text(CommandContext.BUNDLE, key, named.toArray());
            assertTrue(result.err().contains(expected), "expected \"" + expected + "\" in: " + result.err());
            assertEquals(language == Language.CHINESE, CHINESE.matcher(result.err()).find(), result.err());
            assertTrue(result.err().contains("harbor-upload push --help"), result.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aMistypedCommandSuggestsTheOneMeant(String lang) {
        CliRunner.Result result = cli().run("pussh", "local/tiny:1", "--lang", lang);
        assertEquals(ExitCode.USAGE.code(), result.exit(), result.all());
        Translator translator = new Translator(Language.fromCode(lang).orElseThrow());
        String suggestion = translator.text(CommandContext.BUNDLE, "usage.didYouMean", "push");
        assertTrue(result.err().contains(translator.text(CommandContext.BUNDLE, "usage.unknownCommand", "pussh")),
                result.err());
        // The most similar first; picocli may name a few more after it.
        assertTrue(result.err().contains(suggestion.substring(0, suggestion.length() - 1)), result.err());
    }

    @Test
    void versionIsTheProjectsAsTheBuildWroteIt() throws Exception {
        CliRunner.Result result = cli().run("--version");
        assertEquals(ExitCode.OK.code(), result.exit(), result.all());
        // The pom's own <version>, read independently of the filtered resource.
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>harbor-upload-wizard</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(version.find(), "the pom names its version");
        assertEquals("harbor-upload " + version.group(1), result.out().strip());
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
