package io.github.harborupload.docker.config;

import java.util.Locale;
import java.util.Set;

/**
 * How the docker CLI names a registry in {@code config.json} and to credential helpers: the bare
 * {@code host[:port]}, except Docker Hub, which is {@code https://index.docker.io/v1/}. Entries
 * written by older tools as {@code https://host/} or {@code host/v1/} name the same registry.
 */
public final class RegistryKey {

    /** The key the CLI uses for Docker Hub. */
    public static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io");

    private RegistryKey() {
    }

    /**
     * The {@code host[:port]} of an address written with or without a scheme and path, as the CLI's
     * {@code ConvertToHostname}: {@code https://host:5000/v1/} gives {@code host:5000}.
     */
    public static String hostname(String address) {
        String rest = address.trim();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
            rest = cutAtFirst(rest, "/?#");
            int userInfo = rest.lastIndexOf('@');
            return userInfo >= 0 ? rest.substring(userInfo + 1) : rest;
        }
        return cutAtFirst(rest, "/");
    }

    /** The key the CLI stores a login under for this address. */
    public static String of(String address) {
        String hostname = hostname(address);
        return DOCKER_HUB_HOSTS.contains(hostname.toLowerCase(Locale.ROOT)) ? DOCKER_HUB : hostname;
    }

    /** Whether two addresses (keys, URLs or hostnames) name the same registry; host names ignore case. */
    public static boolean sameRegistry(String first, String second) {
        return of(first).equalsIgnoreCase(of(second));
    }

    private static String cutAtFirst(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
