package io.github.harborupload.benchmarks;

import io.github.harborupload.docker.DockerEngine;
import io.github.harborupload.docker.EngineLocation;
import io.github.harborupload.docker.LocalImage;
import io.github.harborupload.flow.Environment;
import io.github.harborupload.flow.ImageChoice;
import io.github.harborupload.flow.Services;
import io.github.harborupload.settings.AppFolders;
import io.github.harborupload.ui.common.Theme;
import io.github.harborupload.ui.shell.WizardWindow;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * The wizard itself, opened as the application opens it, driven through its steps against a
 * private stack under Xvfb, with a stopwatch and a pulse recorder attached. Measures, in the app:
 * the image list of 1,000 names from request to laid-out rows (on entering the step and on Refresh),
 * pulse gaps while the list scrolls end to end, pulse gaps and resident memory while a push of many
 * layers runs, and resident memory idle. Pulse gaps are set beside those of an empty window in the
 * same seconds ({@link PulseProbe}), so that the machine's share shows. Prints {@code METRIC name
 * value} lines for {@code scripts/benchmark.sh}. Not a test.
 *
 * <p>Reads the stack from the variables {@code scripts/stack.sh env} prints; {@code BENCH_IMAGE}
 * names the many-layer image to push, {@code BENCH_LIST_SIZE} the names to list (default 1000).
 * The registry must be empty, so that the push really uploads.
 */
public final class WizardUnderLoad {

    private static final int REFRESHES = 7;

    private final Map<String, String> env = System.getenv();
    private final String registry = env.get("TEST_REGISTRY");
    private final String user = env.get("TEST_REGISTRY_USER");
    private final String password = env.get("TEST_REGISTRY_PASSWORD");
    private final String image = require("BENCH_IMAGE");
    private final int listSize = Integer.parseInt(env.getOrDefault("BENCH_LIST_SIZE", "1000"));
    private Stage stage;
    private WizardWindow window;

    public static void main(String[] args) {
        int exit = 0;
        try {
            PrivateStack.require(System.getenv());
            new WizardUnderLoad().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // The FX toolkit's threads would keep the JVM alive.
        System.exit(exit);
    }

    private void run() throws Exception {
        makeNames();
        Path work = Files.createTempDirectory("wizard-under-load");
        openWizard(work);
        Fx.sleep(5000);
        metric("rss.idle_mib", ResidentMemory.currentKib() / 1024.0);

        Fx.run(() -> lookup("#pasteArea", TextArea.class).setText(credentialDialog()));
        waitForNext();
        Fx.run(() -> lookup("#nextButton", Button.class).fire());
        Fx.waitUntil("login succeeded", 60, () -> visible("#loginSucceeded"));
        waitForNext();
        metric("list.enter_ms", timeToListedRows(() -> lookup("#nextButton", Button.class).fire()));
        for (int i = 0; i < REFRESHES; i++) {
            Fx.sleep(300);
            metric("list.refresh_ms", timeToListedRows(() -> lookup("#refreshButton", Button.class).fire()));
        }
        metric("list.rows", Fx.call(() -> imageTable().getItems().size()));

        try (PulseProbe.Handle probe = new PulseProbe.Handle()) {
            probe.start();
            PulseGaps scrolling = scrollEndToEnd();
            PulseProbe.Result probeScrolling = probe.stop();
            gaps("list.scroll", Fx.call(scrolling::summary));
            metric("list.scroll.own_max_gap_ms", Fx.call(() -> scrolling.longestOwnGapMillis(Long.MIN_VALUE,
                    probeScrolling.hiccups())));
            gaps("probe.scroll", probeScrolling.gaps());
            metric("rss.listed_mib", ResidentMemory.currentKib() / 1024.0);

            probe.start();
            pushManyLayers(probe);
            metric("probe.rss_mib", probe.residentKib() / 1024.0);
        }
        Fx.run(() -> window.shutDown());
        deleteQuietly(work);
    }

    /** Gives a few images {@code listSize} names in all, unless they have them already. */
    private void makeNames() {
        try (DockerEngine engine = DockerEngine.connect(EngineLocation.of(env.get("DOCKER_HOST"), "benchmark"))) {
            List<LocalImage> images = engine.listImages();
            long named = images.stream().mapToLong(i -> i.repoTags().size()).sum();
            List<String> sources = List.of(env.get("TEST_IMAGE_TINY"), env.get("TEST_IMAGE_FIVE_LAYERS"), image);
            for (int i = (int) named; i < listSize; i++) {
                engine.tag(sources.get(i % sources.size()), String.format(Locale.ROOT, "bench/list-%04d", i), "1");
            }
        }
    }

    private void openWizard(Path work) throws Exception {
        Path appConfig = Files.createDirectories(work.resolve("app-config"));
        Files.writeString(appConfig.resolve("settings.json"),
                "{\"harborAddress\":\"" + registry + "\",\"language\":\"en\"}");
        Environment environment = new Environment(Map.of(
                "DOCKER_HOST", env.get("DOCKER_HOST"),
                "DOCKER_CONFIG", Files.createDirectories(work.resolve("docker-config")).toString(),
                AppFolders.OVERRIDE_VARIABLE, appConfig.toString(),
                "PATH", env.getOrDefault("PATH", "/usr/bin:/bin")),
                System.getProperty("os.name"), Files.createDirectories(work.resolve("home")));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        // As WizardApplication does: the theme, the window, show.
        Platform.startup(() -> {
            Theme.detect(environment.variables(), environment.osName()).join().apply();
            stage = new Stage();
            window = WizardWindow.open(stage, new Services(environment), page -> { });
            stage.show();
            shown.complete(null);
        });
        shown.get(60, TimeUnit.SECONDS);
    }

    /**
     * Milliseconds from {@code request} (run on the FX thread) to the end of layout in the first
     * pulse that shows rows of a list that arrived after the request: the frame drawn next has them.
     */
    private double timeToListedRows(Runnable request) throws Exception {
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        long[] start = new long[1];
        boolean[] arrived = new boolean[1];
        Fx.run(() -> {
            Scene scene = stage.getScene();
            TableView<ImageChoice> before = imageTable();
            ListChangeListener<ImageChoice> arrival = change -> arrived[0] = true;
            if (before != null) {
                before.getItems().addListener(arrival);
            }
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                TableView<ImageChoice> table = imageTable();
                boolean fresh = before == null ? table != null && table.getItems().size() >= listSize : arrived[0];
                if (fresh && showsRows(table)) {
                    laidOut.complete(System.nanoTime() - start[0]);
                    scene.removePostLayoutPulseListener(check[0]);
                    if (before != null) {
                        before.getItems().removeListener(arrival);
                    }
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            start[0] = System.nanoTime();
            request.run();
        });
        return laidOut.get(60, TimeUnit.SECONDS) / 1e6;
    }

    private static boolean showsRows(TableView<ImageChoice> table) {
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() != null) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls the list to the end and back, a few rows each frame, as a fast mouse wheel does. */
    private PulseGaps scrollEndToEnd() {
        PulseGaps gaps = new PulseGaps();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Fx.run(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) imageTable().lookup(".virtual-flow");
            double[] step = {60};
            AnimationTimer scroller = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    flow.scrollPixels(step[0]);
                    if (step[0] > 0 && flow.getLastVisibleCell() != null
                            && flow.getLastVisibleCell().getIndex() >= flow.getCellCount() - 1) {
                        step[0] = -step[0];
                    } else if (step[0] < 0 && flow.getFirstVisibleCell() != null
                            && flow.getFirstVisibleCell().getIndex() == 0) {
                        stop();
                        gaps.stop();
                        done.complete(null);
                    }
                }
            };
            gaps.start();
            scroller.start();
        });
        done.orTimeout(300, TimeUnit.SECONDS).join();
        return gaps;
    }

    /**
     * Chooses the many-layer image, Next (tag, preflight, the push step opens), and the push runs to
     * its end. The pulse gaps are counted twice: from the click, which includes building the push
     * step's view the first time, and once the pulse that laid out every layer's row is over.
     */
    private void pushManyLayers(PulseProbe.Handle probe) throws Exception {
        Fx.run(() -> {
            TableView<ImageChoice> table = imageTable();
            ImageChoice choice = table.getItems().stream().filter(c -> c.name().equals(image)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(image + " is not in the list"));
            table.getSelectionModel().select(choice);
        });
        waitForNext();
        PulseGaps gaps = new PulseGaps();
        ResidentMemory memory = new ResidentMemory();
        memory.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = Fx.call(() -> Thread.currentThread().getId());
        long fxCpuBefore = threads.getThreadCpuTime(fxThread);
        CompletableFuture<Long> opened = new CompletableFuture<>();
        long start = System.nanoTime();
        Fx.run(() -> {
            Scene scene = stage.getScene();
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (layerRows() >= expectedLayers()) {
                    opened.complete(System.nanoTime());
                    scene.removePostLayoutPulseListener(check[0]);
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            gaps.start();
            lookup("#nextButton", Button.class).fire();
        });
        Fx.waitUntil("the push's end", 900, this::pushEnded);
        long open = opened.getNow(Long.MAX_VALUE);
        long wall = System.nanoTime() - start;
        long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpuBefore;
        Fx.run(gaps::stop);
        long highest = memory.stop();
        if (!Fx.call(() -> visible("#resultBox"))) {
            throw new IllegalStateException("the push did not succeed; see the wizard's problem");
        }
        PulseProbe.Result probeSaw = probe.stop();
        PulseGaps.Summary whole = Fx.call(gaps::summary);
        PulseGaps.Summary running = Fx.call(() -> gaps.summaryAfter(open));
        System.out.println("DETAIL push: gaps over 50 ms (ms since the click:length ms): " + whole.longGaps());
        metric("push.layers", Fx.call(this::layerRows));
        metric("push.seconds", wall / 1e9);
        metric("push.opening_ms", (open - start) / 1e6);
        metric("push.fx_thread_busy_pct", 100.0 * fxCpu / wall);
        gaps("push", whole);
        gaps("push.running", running);
        metric("push.own_max_gap_ms", Fx.call(() -> gaps.longestOwnGapMillis(Long.MIN_VALUE, probeSaw.hiccups())));
        metric("push.running.own_max_gap_ms", Fx.call(() -> gaps.longestOwnGapMillis(open, probeSaw.hiccups())));
        gaps("probe.push", probeSaw.gaps());
        metric("rss.push_max_mib", highest / 1024.0);
    }

    private int expectedLayers() {
        return Integer.parseInt(env.getOrDefault("BENCH_IMAGE_LAYERS", "60"));
    }

    private int layerRows() {
        Node table = stage.getScene().lookup("#layerTable");
        return table instanceof TableView<?> layers ? layers.getItems().size() : 0;
    }

    private boolean pushEnded() {
        return visible("#resultBox") || visible("#pushProblem") || visible("#tagProblem");
    }

    /** Next ignores a click while disabled (a step still busy); a user would wait for it too. */
    private void waitForNext() {
        Fx.waitUntil("Next enabled", 30, () -> !lookup("#nextButton", Button.class).isDisabled());
    }

    @SuppressWarnings("unchecked")
    private TableView<ImageChoice> imageTable() {
        return (TableView<ImageChoice>) stage.getScene().lookup("#imageTable");
    }

    private <T> T lookup(String query, Class<T> type) {
        Node node = stage.getScene().lookup(query);
        if (node == null) {
            throw new IllegalStateException("nothing in the window matches " + query);
        }
        return type.cast(node);
    }

    private boolean visible(String query) {
        Node node = stage.getScene().lookup(query);
        return node != null && node.isVisible();
    }

    /** The platform's credential dialog as a user copies it (see WizardFixture). */
    private String credentialDialog() {
        return String.join("\n", "镜像仓库访问凭据", "仓库地址", "https://" + registry, "项目名称", "user-" + user,
                "用户名", user, "密码", password, "关闭");
    }

    private String require(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (scripts/benchmark.sh sets it)");
        }
        return value;
    }

    private static void gaps(String prefix, PulseGaps.Summary summary) {
        metric(prefix + "_pulses", summary.pulses());
        metric(prefix + "_max_gap_ms", summary.maxMillis());
        metric(prefix + "_p99_gap_ms", summary.p99Millis());
        metric(prefix + "_gaps_over_50ms", summary.over50());
    }

    private static void metric(String name, double value) {
        System.out.printf(Locale.ROOT, "METRIC %s %.1f%n", name, value);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
