package io.github.harborupload.ui;

import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.Services;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.testsupport.TestStack;
import io.github.harborupload.ui.common.Theme;
import io.github.harborupload.ui.shell.WizardWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;

/**
 * The real wizard, pointed at the project's local stack: its own Docker config folder and settings
 * folder in a temporary directory, so a test never reads or writes the user's.
 */
final class WizardFixture {

    final TestStack stack;
    final Path dockerConfig;
    final Path appConfig;
    final Language language;
    /** Pages the wizard asked the browser to open. */
    final List<String> opened = new CopyOnWriteArrayList<>();
    WizardWindow window;

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();

    WizardFixture(TestStack stack, Path dir, Language language) {
        this(stack, dir, language, stack.registry(), "https://gpu.act.buaa.edu.cn");
    }

    /** A wizard that remembers this Harbor and platform address, as after an earlier visit. */
    WizardFixture(TestStack stack, Path dir, Language language, String harbor, String platform) {
        this.stack = stack;
        this.home = dir.resolve("home");
        this.dockerConfig = dir.resolve("docker-config");
        this.appConfig = dir.resolve("app-config");
        this.language = language;
        try {
            Files.createDirectories(home);
            Files.createDirectories(appConfig);
            Files.writeString(appConfig.resolve("settings.json"),
                    "{\"harborAddress\":\"" + harbor + "\",\"platformAddress\":\"" + platform
                            + "\",\"language\":\"" + language.code() + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wizard set to push with Docker's own push (the settings' {@code pushVia}), before {@link #open}. */
    WizardFixture viaEngine() {
        try {
            Path settings = appConfig.resolve("settings.json");
            String json = Files.readString(settings);
            Files.writeString(settings, json.substring(0, json.lastIndexOf('}')) + ",\"pushVia\":\"engine\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sets an environment variable for the wizard, or replaces one of the fixture's; before {@link #open}. */
    WizardFixture with(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Environment environment() {
        Map<String, String> all = new HashMap<>(Map.of(
                "DOCKER_HOST", stack.dockerHost(),
                "DOCKER_CONFIG", dockerConfig.toString(),
                AppFolders.OVERRIDE_VARIABLE, appConfig.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        all.putAll(variables);
        return new Environment(all, System.getProperty("os.name"), home);
    }

    /** Opens the wizard as the application does, in the theme it would pick (HARBOR_UPLOAD_THEME forces one). */
    void open(Stage stage) {
        Theme.detect(System.getenv(), System.getProperty("os.name")).join().apply();
        window = WizardWindow.open(stage, new Services(environment()), opened::add);
        stage.show();
    }

    Translator translator() {
        return new Translator(language);
    }

    /** A UI text as the wizard shows it in this fixture's language. */
    String text(String key, Object... args) {
        return translator().text(WizardContext.BUNDLE, key, args);
    }

    /** A layer state as the push table shows it ({@code pushed}, {@code already_exists}…). */
    String layerState(String key) {
        return translator().text("io.github.harborupload.push.messages", "layer." + key);
    }

    /** The platform's current credential dialog (version C), copied whole, for this user. */
    static String credentialDialog(String registry, String username, String password) {
        return String.join("\n",
                "镜像仓库访问凭据",
                "请保存好您的用户名和密码，密码只会显示一次！",
                "仓库访问信息",
                "Harbor Registry",
                "仓库地址",
                "https://" + registry,
                "项目名称",
                "user-" + username,
                "用户名",
                username,
                "密码",
                password,
                "重置密码",
                "关闭",
                "Close");
    }
}
