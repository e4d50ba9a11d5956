package io.github.harborupload.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of docs/architecture.md: each package may use the ones before it in {@link #LAYERS}
 * and none after it; JavaFX lives only in ui, picocli only in cli, and the two faces never meet.
 */
class LayersTest {

    private static final String ROOT = "io.github.harborupload.";

    /** Bottom first. A layer may depend on any layer listed before it. */
    static final List<String> LAYERS = List.of(
            "i18n", "files", "gzip", "credentials", "reference", "archive", "registry", "docker", "push", "pusher",
            "harbor", "platform",
            "problems", "settings", "desktop", "flow", "ui", "cli");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.harborupload");
    }

    @Test
    void noLayerUsesALayerAboveIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String layer = LAYERS.get(i);
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .filter(other -> !(layer.equals("ui") && other.equals("cli")))
                    .map(other -> ROOT + other + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage(ROOT + layer + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void theFacesDoNotUseEachOther() {
        noClasses().that().resideInAPackage(ROOT + "cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void javaFxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackages(ROOT + "ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void picocliOnlyInTheCommandLine() {
        noClasses().that().resideOutsideOfPackages(ROOT + "cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void dockerJavaOnlyInTheEngineLayer() {
        // The rest of the program speaks in the engine layer's own types, so a change of client
        // library stays inside docker/.
        noClasses().that().resideOutsideOfPackages(ROOT + "docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }
}
