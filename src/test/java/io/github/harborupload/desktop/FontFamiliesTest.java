package io.github.harborupload.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** One font family per OS, since JavaFX CSS takes only the first of a list (issue 16, item 9). */
class FontFamiliesTest {

    @Test
    void eachSystemGetsItsOwnChineseAndMonospacedFaces() {
        Set<String> windows = Set.of("Segoe UI", "Microsoft YaHei", "Microsoft YaHei UI", "Consolas", "Courier New");
        Set<String> mac = Set.of("Helvetica Neue", "PingFang SC", "Menlo", "Monaco");
        Set<String> linux = Set.of("DejaVu Sans", "DejaVu Sans Mono", "Noto Sans CJK SC");

        assertEquals(new FontFamilies("Microsoft YaHei UI", "Consolas"), FontFamilies.choose("Windows 11", windows));
        assertEquals(new FontFamilies("PingFang SC", "Menlo"), FontFamilies.choose("Mac OS X", mac));
        assertEquals(new FontFamilies("Noto Sans CJK SC", "DejaVu Sans Mono"), FontFamilies.choose("Linux", linux));
    }

    @Test
    void whatIsNotInstalledIsNotAskedForAndTheLogicalFamiliesRemain() {
        assertEquals(new FontFamilies("DejaVu Sans", "Monospaced"), FontFamilies.choose("Linux", Set.of("DejaVu Sans")));
        assertEquals(new FontFamilies("System", "Monospaced"), FontFamilies.choose("Windows 10", Set.of()));
    }

    @Test
    void theCssNamesOneFamilyPerRule() {
        String css = new FontFamilies("PingFang SC", "Menlo").css();

        assertTrue(css.contains(".root { -fx-font-family: \"PingFang SC\"; }"), css);
        assertTrue(css.contains(".mono, .problem-detail { -fx-font-family: \"Menlo\"; }"), css);
    }
}
