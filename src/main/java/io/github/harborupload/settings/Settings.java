package io.github.harborupload.settings;

/**
 * What the wizard remembers between runs. Never a password or a token: those live in the Docker
 * credential store or the OS keychain, not here.
 *
 * @param harborAddress   the Harbor registry host, e.g. {@code gpu-harbor.act.buaa.edu.cn}
 * @param platformAddress the GPU platform's web address, e.g. {@code https://gpu.act.buaa.edu.cn}
 * @param lastUsername    the Harbor username used last, or empty
 * @param language        {@code en} or {@code zh}, or empty to follow the operating system
 * @param windowWidth     the window's last width in pixels, or 0 for the default
 * @param windowHeight    the window's last height in pixels, or 0 for the default
 */
public record Settings(
        String harborAddress,
        String platformAddress,
        String lastUsername,
        String language,
        double windowWidth,
        double windowHeight) {

    public static final String DEFAULT_HARBOR = "gpu-harbor.act.buaa.edu.cn";
    public static final String DEFAULT_PLATFORM = "https://gpu.act.buaa.edu.cn";

    public Settings {
        harborAddress = orDefault(harborAddress, DEFAULT_HARBOR);
        platformAddress = orDefault(platformAddress, DEFAULT_PLATFORM);
        lastUsername = lastUsername == null ? "" : lastUsername.trim();
        language = language == null ? "" : language.trim();
        windowWidth = Math.max(0, windowWidth);
        windowHeight = Math.max(0, windowHeight);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, 0, 0);
    }

    public Settings withHarborAddress(String value) {
        return new Settings(value, platformAddress, lastUsername, language, windowWidth, windowHeight);
    }

    public Settings withPlatformAddress(String value) {
        return new Settings(harborAddress, value, lastUsername, language, windowWidth, windowHeight);
    }

    public Settings withLastUsername(String value) {
        return new Settings(harborAddress, platformAddress, value, language, windowWidth, windowHeight);
    }

    public Settings withLanguage(String value) {
        return new Settings(harborAddress, platformAddress, lastUsername, value, windowWidth, windowHeight);
    }

    public Settings withWindowSize(double width, double height) {
        return new Settings(harborAddress, platformAddress, lastUsername, language, width, height);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
