package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every problem type reads completely in both languages, and the bundles hold nothing else. */
class ProblemTextsTest {

    /** A context where every fact applies, and one where nothing is known. */
    private static final List<ProblemContext> CONTEXTS = List.of(
            ProblemContext.none(),
            new ProblemContext("gpu-harbor.act.buaa.edu.cn", "local/app:1", "unix:///var/run/docker.sock", 4));

    /** A detail that carries every fact the texts can show. */
    private static final String RICH_DETAIL = "denied: adding 29.0 MiB of storage resource, which when updated to "
            + "current usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB. "
            + "unauthorized to access repository: user-alice/repo, action: push";

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyTypeRendersInBothLanguages(ProblemType type) {
        for (ProblemContext context : CONTEXTS) {
            Problem problem = Problems.build(type, RICH_DETAIL, context);
            assertEquals(type.causeCount() + type.actionCount(),
                    problem.causes().size() - facts(problem) + problem.actions().size());
            for (Language language : Language.values()) {
                Translator translator = new Translator(language);
                List<Text> texts = new ArrayList<>(problem.causes());
                texts.addAll(problem.actions());
                texts.add(problem.title());
                for (Text text : texts) {
                    String rendered = translator.text(text);
                    assertFalse(rendered.isBlank(), type + " " + text.key());
                    assertFalse(rendered.contains("{") || rendered.contains("}"), language + " " + text.key() + ": " + rendered);
                }
                String title = translator.text(problem.title());
                assertTrue(title.length() <= 40, "titles are short: " + title);
            }
        }
    }

    @Test
    void theBundlesHoldOnlyTheKeysTheTypesAndFactsUse() {
        Set<String> expected = new TreeSet<>();
        for (ProblemType type : ProblemType.values()) {
            expected.add(type.key() + ".title");
            for (int n = 1; n <= type.causeCount(); n++) {
                expected.add(type.key() + ".cause." + n);
            }
            for (int n = 1; n <= type.actionCount(); n++) {
                expected.add(type.key() + ".action." + n);
            }
        }
        for (Language language : Language.values()) {
            ResourceBundle bundle = new Translator(language).bundle(Problems.BUNDLE);
            Set<String> problemKeys = new TreeSet<>(bundle.keySet());
            problemKeys.removeIf(key -> key.startsWith("fact.") || key.startsWith("arg."));
            assertEquals(expected, problemKeys, language.toString());
        }
    }

    @Test
    void chineseTitlesAreTheOnesStudentsKnow() {
        Translator chinese = new Translator(Language.CHINESE);
        assertEquals("Harbor 登录失败", chinese.text(Text.of(Problems.BUNDLE, "login_failed.title")));
        assertEquals("存储配额已满", chinese.text(Text.of(Problems.BUNDLE, "quota_exceeded.title")));
        assertEquals("没有推送权限", chinese.text(Text.of(Problems.BUNDLE, "no_permission.title")));
        assertEquals("无法连接 Docker", chinese.text(Text.of(Problems.BUNDLE, "engine_unreachable.title")));
    }

    private static int facts(Problem problem) {
        return (int) problem.causes().stream().filter(text -> text.key().startsWith("fact.")).count();
    }
}
