package io.github.harborupload.harbor;

import java.net.URI;
import java.util.Locale;

/** Where Harbor's web API lives, given the registry host that goes into image names. */
public final class HarborAddress {

    private HarborAddress() {
    }

    /**
     * {@code https://host[:port]}, except for a loopback host ({@code localhost}, {@code 127.x.x.x},
     * {@code ::1}), which gets {@code http://}: Docker itself talks plain HTTP to loopback
     * registries, and the project's local test stack is one. Everything else is real Harbor,
     * which only speaks HTTPS.
     *
     * @param registryHost {@code host}, {@code host:port} or {@code [v6]:port}, without a scheme
     *                     (one given anyway is dropped, as is a trailing slash)
     * @throws IllegalArgumentException when it is empty or not a host
     */
    public static URI apiBase(String registryHost) {
        String host = withoutScheme(registryHost);
        if (host.chars().filter(c -> c == ':').count() > 1 && !host.startsWith("[")) {
            host = "[" + host + "]"; // a bare IPv6 address such as ::1
        }
        if (host.isEmpty() || host.contains("/") || host.contains("@") || host.contains(" ")) {
            throw new IllegalArgumentException("not a registry host: " + registryHost);
        }
        String scheme = isLoopback(hostName(host)) ? "http" : "https";
        return URI.create(scheme + "://" + host);
    }

    /** The registry host as Docker wants it: no scheme, no trailing slash. */
    public static String withoutScheme(String address) {
        String host = address.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code ::1}: this computer, where nobody else listens. */
    public static boolean isLoopback(String hostName) {
        String name = hostName.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("::1") || name.matches("127(\\.\\d{1,3}){3}");
    }

    /** The name without its port: {@code host:5000} → {@code host}, {@code [::1]:5000} → {@code ::1}. */
    private static String hostName(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end > 0 ? hostAndPort.substring(1, end) : hostAndPort;
        }
        int colon = hostAndPort.indexOf(':');
        return colon >= 0 ? hostAndPort.substring(0, colon) : hostAndPort;
    }
}
