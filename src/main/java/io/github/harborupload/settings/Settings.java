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
 * @param pushVia         {@value #PUSH_VIA_REGISTRY} (the wizard's own push, the default) or
 *                        {@value #PUSH_VIA_ENGINE} (Docker's {@code docker push})
 */
public record Settings(
        String harborAddress,
        String platformAddress,
        String lastUsername,
        String language,
        double windowWidth,
        double windowHeight,
        String pushVia) {

    public static final String DEFAULT_HARBOR = "gpu-harbor.act.buaa.edu.cn";
    public static final String DEFAULT_PLATFORM = "https://gpu.act.buaa.edu.cn";
    public static final String PUSH_VIA_REGISTRY = "registry";
    public static final String PUSH_VIA_ENGINE = "engine";

    public Settings {
        harborAddress = orDefault(harborAddress, DEFAULT_HARBOR);
        platformAddress = orDefault(platformAddress, DEFAULT_PLATFORM);
        lastUsername = lastUsername == null ? "" : lastUsername.trim();
        language = language == null ? "" : language.trim();
        windowWidth = Math.max(0, windowWidth);
        windowHeight = Math.max(0, windowHeight);
        pushVia = PUSH_VIA_ENGINE.equals(pushVia) ? PUSH_VIA_ENGINE : PUSH_VIA_REGISTRY;
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, 0, 0, null);
    }

    /** After a login the registry checked: both faces then propose that registry and user next time. */
    public Settings withLogin(String registry, String username) {
        return new Settings(registry, platformAddress, username, language, windowWidth, windowHeight, pushVia);
    }

    public Settings withPlatformAddress(String value) {
        return new Settings(harborAddress, value, lastUsername, language, windowWidth, windowHeight, pushVia);
    }

    public Settings withLanguage(String value) {
        return new Settings(harborAddress, platformAddress, lastUsername, value, windowWidth, windowHeight, pushVia);
    }

    public Settings withWindowSize(double width, double height) {
        return new Settings(harborAddress, platformAddress, lastUsername, language, width, height, pushVia);
    }

    public Settings withPushVia(String value) {
        return new Settings(harborAddress, platformAddress, lastUsername, language, windowWidth, windowHeight, value);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
