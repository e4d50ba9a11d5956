package io.github.harborupload.registry;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy variables as Go's {@code golang.org/x/net/http/httpproxy} reads them (what docker
 * uses): upper case before lower case, {@code HTTPS_PROXY} for https and {@code HTTP_PROXY} for
 * http, a proxy without a scheme taken as http, loopback never proxied, and {@code NO_PROXY} as a
 * comma list of {@code *}, host names (matching their subdomains too, with or without a leading
 * dot), {@code host:port}, IP addresses and IPv4 CIDR ranges.
 */
record ProxyRules(String httpsProxy, String httpProxy, List<String> noProxy) {

    static ProxyRules fromEnvironment(Map<String, String> env) {
        String no = first(env, "NO_PROXY", "no_proxy");
        List<String> exempt = no == null ? List.of() : Arrays.stream(no.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new ProxyRules(first(env, "HTTPS_PROXY", "https_proxy"), first(env, "HTTP_PROXY", "http_proxy"), exempt);
    }

    private static String first(Map<String, String> env, String upper, String lower) {
        String value = env.get(upper);
        if (value == null || value.isBlank()) {
            value = env.get(lower);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The proxy for a request to {@code hostPort} over {@code scheme}, if any. */
    Optional<URI> proxyFor(String scheme, String hostPort) {
        String proxy = scheme.equals("https") ? httpsProxy : httpProxy;
        String host = hostOf(hostPort);
        if (proxy == null || isLoopback(host) || exempt(host, hostPort)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(proxy.contains("://") ? proxy : "http://" + proxy));
    }

    private boolean exempt(String host, String hostPort) {
        for (String rule : noProxy) {
            if (rule.equals("*") || rule.equals(hostPort)) {
                return true;
            }
            if (rule.contains("/")) {
                if (inCidr(host, rule)) {
                    return true;
                }
                continue;
            }
            String domain = rule.startsWith(".") ? rule.substring(1) : rule;
            if (!domain.contains(":") && (host.equals(domain) || host.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String hostPort) {
        if (hostPort.startsWith("[")) {
            return hostPort.substring(1, hostPort.indexOf(']'));
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static boolean inCidr(String host, String cidr) {
        long[] address = ipv4(host);
        String[] parts = cidr.split("/");
        long[] network = ipv4(parts[0]);
        if (address == null || network == null || parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address[0] & mask) == (network[0] & mask);
    }

    /** An IPv4 literal as one number, or null: names are never resolved here. */
    private static long[] ipv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        long value = 0;
        for (String octet : text.split("\\.")) {
            int n = Integer.parseInt(octet);
            if (n > 255) {
                return null;
            }
            value = (value << 8) | n;
        }
        return new long[] {value};
    }
}
