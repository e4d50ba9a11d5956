package io.github.harborupload.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registries the engine treats as insecure ({@code docker info}'s {@code RegistryConfig}): those
 * whose index config says {@code Secure: false} (each name of the daemon's
 * {@code insecure-registries} list) and those whose address falls in {@code InsecureRegistryCIDRs}
 * (127.0.0.0/8 always, and each CIDR of that list). The same rule as docker's own
 * ({@code registry/config.go}, {@code isSecureIndex}): the index config first, then the CIDRs, the
 * host resolved when it is a name.
 */
public final class InsecureRegistries {

    /** What dockerd answers when its configuration names no insecure registry. */
    public static final InsecureRegistries DOCKER_DEFAULT = new InsecureRegistries(List.of("127.0.0.0/8"), Map.of());

    /** Resolves a host name to its addresses; a test gives a fixed table. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> cidrs;
    private final Map<String, Boolean> secureByIndex;
    private final Resolver resolver;

    /**
     * @param cidrs         {@code InsecureRegistryCIDRs}, e.g. {@code 127.0.0.0/8}
     * @param secureByIndex {@code IndexConfigs}: registry name ({@code host[:port]}) → its {@code Secure}
     */
    public InsecureRegistries(List<String> cidrs, Map<String, Boolean> secureByIndex) {
        this(cidrs, secureByIndex, InetAddress::getAllByName);
    }

    InsecureRegistries(List<String> cidrs, Map<String, Boolean> secureByIndex, Resolver resolver) {
        this.cidrs = List.copyOf(cidrs);
        this.secureByIndex = Map.copyOf(secureByIndex);
        this.resolver = resolver;
    }

    /** Whether the engine would speak plain http to {@code registry} ({@code host[:port]}). */
    public boolean isInsecure(String registry) {
        Boolean secure = secureByIndex.get(registry);
        if (secure != null) {
            return !secure;
        }
        return addressesOf(hostOf(registry)).stream().anyMatch(address -> cidrs.stream().anyMatch(cidr -> contains(cidr, address)));
    }

    private List<InetAddress> addressesOf(String host) {
        Optional<byte[]> literal = parse(host);
        try {
            if (literal.isPresent()) {
                return List.of(InetAddress.getByAddress(literal.get()));
            }
            return List.of(resolver.resolve(host));
        } catch (UnknownHostException unknown) {
            return List.of(); // docker too: a name it cannot resolve matches no CIDR
        }
    }

    /** The host without its port; an IPv6 literal without its brackets. */
    static String hostOf(String registry) {
        String host = registry.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    static boolean contains(String cidr, InetAddress address) {
        Optional<byte[]> network = parse(cidr);
        int slash = cidr.indexOf('/');
        byte[] bytes = address.getAddress();
        if (network.isEmpty() || slash < 0 || network.get().length != bytes.length) {
            return false;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        for (int bit = 0; bit < Math.min(prefix, bytes.length * 8); bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((network.get()[bit / 8] & mask) != (bytes[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The address of an IP literal or of a CIDR's network; empty for a name (never looked up here). */
    private static Optional<byte[]> parse(String literal) {
        int slash = literal.indexOf('/');
        String ip = slash < 0 ? literal : literal.substring(0, slash);
        boolean ipv4 = ip.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = ip.contains(":") && ip.matches("[0-9a-fA-F.:]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        secureByIndex.forEach((name, secure) -> {
            if (!secure) {
                names.add(name);
            }
        });
        return "insecure registries " + names + " and " + cidrs;
    }
}
