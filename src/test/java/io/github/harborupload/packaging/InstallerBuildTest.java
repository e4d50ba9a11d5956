package io.github.harborupload.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.harborupload.packaging.InstallerBuild.Os;
import org.junit.jupiter.api.Test;

class InstallerBuildTest {

    @Test
    void jpackageGetsNumbersOnly() {
        assertEquals("0.2.0", InstallerBuild.jpackageVersion("0.2.0-SNAPSHOT", Os.LINUX));
        assertEquals("1.4.2", InstallerBuild.jpackageVersion("1.4.2", Os.WINDOWS));
    }

    @Test
    void macOsGetsAFirstNumberOfAtLeastOne() {
        assertEquals("1.0.0", InstallerBuild.jpackageVersion("0.1.0", Os.MACOS));
        assertEquals("2.1.0", InstallerBuild.jpackageVersion("2.1.0", Os.MACOS));
    }
}
